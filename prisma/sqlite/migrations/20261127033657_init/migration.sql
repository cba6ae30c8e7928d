-- CreateTable
CREATE TABLE "Generation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "prompt" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "aspectRatio" TEXT,
    "duration" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "providerTaskId" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "submittedAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "nextCheckAt" DATETIME,
    "checkAttempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "providerVideoUrl" TEXT,
    "videoPath" TEXT,
    "posterPath" TEXT,
    "videoBytes" INTEGER,
    "videoSha256" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "durationSeconds" REAL,
    "estimatedCostUsd" REAL,
    "parentId" TEXT,
    "parentKind" TEXT,
    CONSTRAINT "Generation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Generation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "generationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "imageType" TEXT,
    "elementId" TEXT,
    "elementName" TEXT,
    "referType" TEXT,
    "keepOriginalSound" BOOLEAN,
    "mediaPath" TEXT,
    "sourceUrl" TEXT,
    "mimeType" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "bytes" INTEGER,
    CONSTRAINT "Reference_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Generation_providerTaskId_key" ON "Generation"("providerTaskId");

-- CreateIndex
CREATE INDEX "Generation_status_nextCheckAt_idx" ON "Generation"("status", "nextCheckAt");

-- CreateIndex
CREATE INDEX "Generation_createdAt_idx" ON "Generation"("createdAt");

-- CreateIndex
CREATE INDEX "Reference_generationId_idx" ON "Reference"("generationId");
