-- AlterTable
ALTER TABLE "Reference" ADD COLUMN "durationSeconds" REAL;
ALTER TABLE "Reference" ADD COLUMN "fps" REAL;
ALTER TABLE "Reference" ADD COLUMN "name" TEXT;
ALTER TABLE "Reference" ADD COLUMN "uploadId" TEXT;

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "mediaPath" TEXT NOT NULL,
    "originalName" TEXT,
    "mimeType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "durationSeconds" REAL,
    "fps" REAL
);

-- CreateTable
CREATE TABLE "Element" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "name" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "description" TEXT,
    "thumbnailPath" TEXT
);

-- CreateTable
CREATE TABLE "Share" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "generationId" TEXT NOT NULL,
    "showRecipe" BOOLEAN NOT NULL DEFAULT false,
    "allowIndexing" BOOLEAN NOT NULL DEFAULT false,
    "revokedAt" DATETIME,
    CONSTRAINT "Share_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Generation" (
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
    "callbackToken" TEXT,
    "providerDoneAt" DATETIME,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "parentId" TEXT,
    "parentKind" TEXT,
    CONSTRAINT "Generation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Generation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Generation" ("aspectRatio", "checkAttempts", "createdAt", "duration", "durationSeconds", "errorCode", "errorMessage", "estimatedCostUsd", "finishedAt", "height", "id", "leaseOwner", "leaseUntil", "mode", "nextCheckAt", "parentId", "parentKind", "posterPath", "prompt", "providerTaskId", "providerVideoUrl", "startedAt", "status", "submittedAt", "updatedAt", "videoBytes", "videoPath", "videoSha256", "width") SELECT "aspectRatio", "checkAttempts", "createdAt", "duration", "durationSeconds", "errorCode", "errorMessage", "estimatedCostUsd", "finishedAt", "height", "id", "leaseOwner", "leaseUntil", "mode", "nextCheckAt", "parentId", "parentKind", "posterPath", "prompt", "providerTaskId", "providerVideoUrl", "startedAt", "status", "submittedAt", "updatedAt", "videoBytes", "videoPath", "videoSha256", "width" FROM "Generation";
DROP TABLE "Generation";
ALTER TABLE "new_Generation" RENAME TO "Generation";
CREATE UNIQUE INDEX "Generation_providerTaskId_key" ON "Generation"("providerTaskId");
CREATE UNIQUE INDEX "Generation_callbackToken_key" ON "Generation"("callbackToken");
CREATE INDEX "Generation_status_nextCheckAt_idx" ON "Generation"("status", "nextCheckAt");
CREATE INDEX "Generation_createdAt_idx" ON "Generation"("createdAt");
CREATE INDEX "Generation_status_createdAt_idx" ON "Generation"("status", "createdAt");
CREATE INDEX "Generation_mode_createdAt_idx" ON "Generation"("mode", "createdAt");
CREATE INDEX "Generation_aspectRatio_createdAt_idx" ON "Generation"("aspectRatio", "createdAt");
CREATE INDEX "Generation_favorite_createdAt_idx" ON "Generation"("favorite", "createdAt");
CREATE INDEX "Generation_parentId_idx" ON "Generation"("parentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Upload_mediaPath_key" ON "Upload"("mediaPath");

-- CreateIndex
CREATE INDEX "Upload_createdAt_idx" ON "Upload"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Element_elementId_key" ON "Element"("elementId");

-- CreateIndex
CREATE INDEX "Share_generationId_idx" ON "Share"("generationId");

-- CreateIndex
CREATE INDEX "Reference_mediaPath_idx" ON "Reference"("mediaPath");
