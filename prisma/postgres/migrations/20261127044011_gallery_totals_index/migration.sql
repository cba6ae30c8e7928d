-- CreateIndex
CREATE INDEX "Generation_status_estimatedCostUsd_idx" ON "Generation"("status", "estimatedCostUsd");
