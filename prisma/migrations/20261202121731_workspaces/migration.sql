-- CreateEnum
CREATE TYPE "WorkspaceRole" AS ENUM ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER');


-- AlterEnum
ALTER TYPE "WebhookEvent" ADD VALUE 'WORKSPACE_MEMBER_INVITED';


-- CreateTable
CREATE TABLE "Workspace" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "personalOwnerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);


-- CreateTable
CREATE TABLE "Membership" (
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "WorkspaceRole" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("workspaceId","userId")
);


-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "WorkspaceRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "declinedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);


-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "workspaceId" UUID;


-- AlterTable
ALTER TABLE "ClickRollup" ADD COLUMN     "workspaceId" UUID;


-- AlterTable
ALTER TABLE "Link" ADD COLUMN     "workspaceId" UUID;


-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "workspaceId" UUID;


-- Data: every user gets a personal workspace (OWNER), and everything they own moves into it.
INSERT INTO "Workspace" (id, name, "personalOwnerId", "createdAt", "updatedAt")
SELECT gen_random_uuid(), 'Personal', u.id, u."createdAt", CURRENT_TIMESTAMP FROM "User" u;

INSERT INTO "Membership" ("workspaceId", "userId", role, "createdAt", "updatedAt")
SELECT w.id, w."personalOwnerId", 'OWNER', w."createdAt", CURRENT_TIMESTAMP FROM "Workspace" w;

UPDATE "Link" l SET "workspaceId" = w.id FROM "Workspace" w WHERE w."personalOwnerId" = l."ownerId";
UPDATE "Webhook" h SET "workspaceId" = w.id FROM "Workspace" w WHERE w."personalOwnerId" = h."ownerId";
UPDATE "ApiKey" k SET "workspaceId" = w.id FROM "Workspace" w WHERE w."personalOwnerId" = k."userId";
UPDATE "ClickRollup" r SET "workspaceId" = l."workspaceId" FROM "Link" l WHERE l.id = r."linkId";

ALTER TABLE "ApiKey" ALTER COLUMN "workspaceId" SET NOT NULL;
ALTER TABLE "ClickRollup" ALTER COLUMN "workspaceId" SET NOT NULL;
ALTER TABLE "Link" ALTER COLUMN "workspaceId" SET NOT NULL;
ALTER TABLE "Webhook" ALTER COLUMN "workspaceId" SET NOT NULL;

-- DropIndex
DROP INDEX "ApiKey_userId_createdAt_id_idx";


-- DropIndex
DROP INDEX "Link_ownerId_createdAt_id_idx";


-- DropIndex
DROP INDEX "Webhook_ownerId_createdAt_id_idx";


-- CreateIndex
CREATE UNIQUE INDEX "Workspace_personalOwnerId_key" ON "Workspace"("personalOwnerId");


-- CreateIndex
CREATE INDEX "Membership_userId_createdAt_workspaceId_idx" ON "Membership"("userId", "createdAt" DESC, "workspaceId" DESC);


-- CreateIndex
CREATE INDEX "Membership_workspaceId_createdAt_userId_idx" ON "Membership"("workspaceId", "createdAt" DESC, "userId" DESC);


-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");


-- CreateIndex
CREATE INDEX "Invitation_workspaceId_createdAt_id_idx" ON "Invitation"("workspaceId", "createdAt" DESC, "id" DESC);


-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");


-- CreateIndex
CREATE INDEX "ApiKey_workspaceId_createdAt_id_idx" ON "ApiKey"("workspaceId", "createdAt" DESC, "id" DESC);


-- CreateIndex
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");


-- CreateIndex
CREATE INDEX "ClickRollup_workspaceId_hour_idx" ON "ClickRollup"("workspaceId", "hour");


-- CreateIndex
CREATE INDEX "Link_workspaceId_createdAt_id_idx" ON "Link"("workspaceId", "createdAt" DESC, "id" DESC);


-- CreateIndex
CREATE INDEX "Link_ownerId_idx" ON "Link"("ownerId");


-- CreateIndex
CREATE INDEX "Webhook_workspaceId_createdAt_id_idx" ON "Webhook"("workspaceId", "createdAt" DESC, "id" DESC);


-- CreateIndex
CREATE INDEX "Webhook_ownerId_idx" ON "Webhook"("ownerId");


-- AddForeignKey
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_personalOwnerId_fkey" FOREIGN KEY ("personalOwnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "ClickRollup" ADD CONSTRAINT "ClickRollup_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
