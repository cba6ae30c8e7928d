-- AlterTable
ALTER TABLE "Element" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'registered',
ADD COLUMN     "tag" TEXT;

-- CreateTable
CREATE TABLE "ElementTask" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "frontImagePath" TEXT NOT NULL,
    "otherImagePaths" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "providerTaskId" TEXT,
    "failReason" TEXT,
    "elementRowId" TEXT,
    "nextCheckAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "pollCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ElementTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ElementTask_status_nextCheckAt_idx" ON "ElementTask"("status", "nextCheckAt");
