-- Custom domains: every link gets a domain. Existing links move to the default domain, whose
-- hostname (PUBLIC_BASE_URL's host) the server writes at start; slugs become unique per domain.

-- CreateEnum
CREATE TYPE "DomainStatus" AS ENUM ('PENDING', 'VERIFIED', 'FAILING');

-- CreateTable
CREATE TABLE "Domain" (
    "id" UUID NOT NULL,
    "workspaceId" UUID,
    "hostname" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "status" "DomainStatus" NOT NULL DEFAULT 'PENDING',
    "verificationToken" TEXT NOT NULL,
    "rootRedirectUrl" TEXT,
    "notFoundUrl" TEXT,
    "defaultRedirectType" "RedirectType" NOT NULL DEFAULT 'FOUND',
    "verifiedAt" TIMESTAMPTZ(3),
    "lastCheckedAt" TIMESTAMPTZ(3),
    "nextCheckAt" TIMESTAMPTZ(3),
    "checkFailures" INTEGER NOT NULL DEFAULT 0,
    "failingSince" TIMESTAMPTZ(3),
    "lastCheckError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- The default domain (src/domains/default-domain.ts): a fixed id; its hostname is set at start.
INSERT INTO "Domain" ("id", "hostname", "isDefault", "status", "verificationToken", "verifiedAt", "updatedAt")
VALUES ('00000000-0000-7000-8000-000000000000', '', true, 'VERIFIED', '-', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- AlterTable: every existing link is on the default domain.
ALTER TABLE "Link" ADD COLUMN "domainId" UUID NOT NULL DEFAULT '00000000-0000-7000-8000-000000000000';

-- DropIndex: slugs are unique per domain from now on.
DROP INDEX "Link_slug_key";

-- AlterTable
ALTER TABLE "Click" ADD COLUMN     "source" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Domain_hostname_key" ON "Domain"("hostname");

-- CreateIndex
CREATE INDEX "Domain_workspaceId_createdAt_id_idx" ON "Domain"("workspaceId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Domain_nextCheckAt_idx" ON "Domain"("nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "Link_domainId_slug_key" ON "Link"("domainId", "slug");

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
