-- CreateTable
CREATE TABLE "ElementTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "frontImagePath" TEXT NOT NULL,
    "otherImagePaths" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "providerTaskId" TEXT,
    "failReason" TEXT,
    "elementRowId" TEXT,
    "nextCheckAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "pollCount" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Element" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "name" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "description" TEXT,
    "thumbnailPath" TEXT,
    "tag" TEXT,
    "source" TEXT NOT NULL DEFAULT 'registered'
);
INSERT INTO "new_Element" ("createdAt", "description", "elementId", "id", "name", "thumbnailPath", "updatedAt") SELECT "createdAt", "description", "elementId", "id", "name", "thumbnailPath", "updatedAt" FROM "Element";
DROP TABLE "Element";
ALTER TABLE "new_Element" RENAME TO "Element";
CREATE UNIQUE INDEX "Element_elementId_key" ON "Element"("elementId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ElementTask_status_nextCheckAt_idx" ON "ElementTask"("status", "nextCheckAt");
