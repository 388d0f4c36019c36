-- DropIndex
DROP INDEX "Click_linkId_at_idx";

-- CreateIndex
CREATE INDEX "Click_linkId_at_isBot_count_visitor_idx" ON "Click"("linkId", "at", "isBot", "count", "visitor");
