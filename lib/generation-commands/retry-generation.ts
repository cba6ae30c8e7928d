import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import {
  findGenerationRow,
  findReferenceRows,
  findShotRows,
  insertGeneration,
} from "@/lib/generations/generation-repository";
import { newId } from "@/lib/ids";
import { submitGeneration } from "@/lib/worker/submit-generation";

const RETRYABLE = new Set(["failed", "canceled", "uncertain"]);

/**
 * "Retry": a new generation with the same prompt, settings and references, linked to the
 * old one (parentKind "retry"), then queued or submitted like any other.
 */
export async function retryGeneration(id: string): Promise<{ id: string }> {
  const old = await findGenerationRow(id);
  if (!old) throw new AppError("not_found", localMessage("composerRules.noSuchGeneration"));
  if (!RETRYABLE.has(old.status)) {
    throw new AppError("conflict", localMessage("composerRules.retryOnlyFailed"));
  }
  const references = await findReferenceRows(id);
  const shots = await findShotRows(id);
  // One nested create: the copy, its references and shots are written together or not at all.
  const row = await insertGeneration({
    id: newId("gen"),
    prompt: old.prompt,
    model: old.model,
    mode: old.mode,
    aspectRatio: old.aspectRatio,
    duration: old.duration,
    sound: old.sound,
    shotType: old.shotType,
    shots: {
      create: shots.map(({ index, prompt, duration }) => ({
        id: newId("shot"),
        index,
        prompt,
        duration,
      })),
    },
    status: "submitting",
    estimatedCostUsd: old.estimatedCostUsd,
    parentId: old.id,
    parentKind: "retry",
    references: {
      create: references.map(({ id: _refId, generationId: _gen, ...reference }) => ({
        ...reference,
        id: newId("ref"),
      })),
    },
  });
  await submitGeneration(row);
  return { id: row.id };
}
