-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "model" TEXT NOT NULL DEFAULT 'kling-video-o1',
ADD COLUMN     "shotType" TEXT,
ADD COLUMN     "sound" TEXT;

-- CreateTable
CREATE TABLE "Shot" (
    "id" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "duration" TEXT NOT NULL,

    CONSTRAINT "Shot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Shot_generationId_index_key" ON "Shot"("generationId", "index");

-- CreateIndex
CREATE INDEX "Generation_model_createdAt_idx" ON "Generation"("model", "createdAt");

-- AddForeignKey
ALTER TABLE "Shot" ADD CONSTRAINT "Shot_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
