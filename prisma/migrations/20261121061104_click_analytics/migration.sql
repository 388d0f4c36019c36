-- CreateTable
CREATE TABLE "Click" (
    "id" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "isBot" BOOLEAN NOT NULL DEFAULT false,
    "visitor" BYTEA,
    "referrer" TEXT,
    "country" TEXT,
    "device" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "ip" INET,

    CONSTRAINT "Click_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClickRollup" (
    "linkId" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "botClicks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClickRollup_pkey" PRIMARY KEY ("linkId","hour")
);

-- CreateTable
CREATE TABLE "VisitorSalt" (
    "day" DATE NOT NULL,
    "salt" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorSalt_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "Click_linkId_at_idx" ON "Click"("linkId", "at");

-- CreateIndex
CREATE INDEX "Click_at_idx" ON "Click" USING BRIN ("at");

-- AddForeignKey
ALTER TABLE "Click" ADD CONSTRAINT "Click_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClickRollup" ADD CONSTRAINT "ClickRollup_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;
