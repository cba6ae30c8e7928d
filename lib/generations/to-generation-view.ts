import "server-only";
import { isModelName, O1_MODEL } from "@/lib/kling-contract/models";
import { optionalMediaUrl } from "@/lib/storage/media-url";
import type { StoredRow } from "./generation-repository";
import type { GenerationView } from "./generation-view";
import { parseGenerationStatus } from "./status";

/** Takes stored rows too (the gallery reads its own), so the status is checked here. */
export function toGenerationView(row: StoredRow): GenerationView {
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    prompt: row.prompt,
    model: isModelName(row.model) ? row.model : O1_MODEL,
    mode: row.mode,
    aspectRatio: row.aspectRatio,
    duration: row.duration,
    sound: row.sound === "on" || row.sound === "off" ? row.sound : null,
    shotType: row.shotType === "customize" || row.shotType === "intelligence" ? row.shotType : null,
    status: parseGenerationStatus(row.status),
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    submittedAt: iso(row.submittedAt),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    videoUrl: row.status === "succeeded" ? optionalMediaUrl(row.videoPath) : null,
    posterUrl: optionalMediaUrl(row.posterPath),
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
    videoBytes: row.videoBytes,
    estimatedCostUsd: row.estimatedCostUsd,
    providerTaskId: row.providerTaskId,
    parentId: row.parentId,
    parentKind: row.parentKind,
    batchId: row.batchId,
  };
}
