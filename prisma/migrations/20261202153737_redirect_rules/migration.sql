-- AlterTable
ALTER TABLE "Click" ADD COLUMN     "ruleId" TEXT,
ADD COLUMN     "variantId" TEXT;

-- AlterTable
ALTER TABLE "Link" ADD COLUMN     "androidUrl" TEXT,
ADD COLUMN     "iosUrl" TEXT,
ADD COLUMN     "previewDescription" TEXT,
ADD COLUMN     "previewImageUrl" TEXT,
ADD COLUMN     "previewTitle" TEXT,
ADD COLUMN     "rules" JSONB;
