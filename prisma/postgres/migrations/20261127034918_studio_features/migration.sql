-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "callbackToken" TEXT,
ADD COLUMN     "favorite" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "providerDoneAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Reference" ADD COLUMN     "durationSeconds" DOUBLE PRECISION,
ADD COLUMN     "fps" DOUBLE PRECISION,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "uploadId" TEXT;

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "mediaPath" TEXT NOT NULL,
    "originalName" TEXT,
    "mimeType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "durationSeconds" DOUBLE PRECISION,
    "fps" DOUBLE PRECISION,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Element" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "description" TEXT,
    "thumbnailPath" TEXT,

    CONSTRAINT "Element_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Share" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "generationId" TEXT NOT NULL,
    "showRecipe" BOOLEAN NOT NULL DEFAULT false,
    "allowIndexing" BOOLEAN NOT NULL DEFAULT false,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Share_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Upload_mediaPath_key" ON "Upload"("mediaPath");

-- CreateIndex
CREATE INDEX "Upload_createdAt_idx" ON "Upload"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Element_elementId_key" ON "Element"("elementId");

-- CreateIndex
CREATE INDEX "Share_generationId_idx" ON "Share"("generationId");

-- CreateIndex
CREATE UNIQUE INDEX "Generation_callbackToken_key" ON "Generation"("callbackToken");

-- CreateIndex
CREATE INDEX "Generation_status_createdAt_idx" ON "Generation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Generation_mode_createdAt_idx" ON "Generation"("mode", "createdAt");

-- CreateIndex
CREATE INDEX "Generation_aspectRatio_createdAt_idx" ON "Generation"("aspectRatio", "createdAt");

-- CreateIndex
CREATE INDEX "Generation_favorite_createdAt_idx" ON "Generation"("favorite", "createdAt");

-- CreateIndex
CREATE INDEX "Generation_parentId_idx" ON "Generation"("parentId");

-- CreateIndex
CREATE INDEX "Reference_mediaPath_idx" ON "Reference"("mediaPath");

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
