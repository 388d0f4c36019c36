-- DropForeignKey
ALTER TABLE "Click" DROP CONSTRAINT "Click_linkId_fkey";

-- AlterTable
ALTER TABLE "Click" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1;
