import "server-only";
import { optionalMediaUrl } from "@/lib/storage/media-url";
import type { GenerationRow } from "./generation-repository";
import type { GenerationView } from "./generation-view";
import { parseGenerationStatus } from "./status";

export function toGenerationView(row: GenerationRow): GenerationView {
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    prompt: row.prompt,
    mode: row.mode,
    aspectRatio: row.aspectRatio,
    duration: row.duration,
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
  };
}
