-- CreateTable
CREATE TABLE "Shot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "generationId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "duration" TEXT NOT NULL,
    CONSTRAINT "Shot_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable, written by hand: Prisma's diff rebuilds "Generation" (RedefineTables), which
-- would drop the search triggers of 20261202163014_add_gallery_search with the old table.
-- SQLite adds these columns in place; existing rows take the default, O1.
ALTER TABLE "Generation" ADD COLUMN "model" TEXT NOT NULL DEFAULT 'kling-video-o1';
ALTER TABLE "Generation" ADD COLUMN "sound" TEXT;
ALTER TABLE "Generation" ADD COLUMN "shotType" TEXT;

-- CreateIndex
CREATE INDEX "Generation_model_createdAt_idx" ON "Generation"("model", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Shot_generationId_index_key" ON "Shot"("generationId", "index");
