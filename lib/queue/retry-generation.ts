import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findGenerationRow, findReferenceRows } from "@/lib/generations/generation-repository";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { newId } from "@/lib/ids";

const RETRYABLE = new Set(["failed", "canceled", "uncertain"]);

/**
 * "Retry": a new generation with the same prompt, settings and references, linked to the
 * old one (parentKind "retry"), then queued or submitted like any other.
 */
export async function retryGeneration(id: string): Promise<{ id: string }> {
  const old = await findGenerationRow(id);
  if (!old) throw new AppError("not_found", "There is no such generation.");
  if (!RETRYABLE.has(old.status)) {
    throw new AppError("conflict", "Only a failed or canceled generation can be retried.");
  }
  const references = await findReferenceRows(id);
  const newGenerationId = newId("gen");
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.generation.create({
      data: {
        id: newGenerationId,
        prompt: old.prompt,
        mode: old.mode,
        aspectRatio: old.aspectRatio,
        duration: old.duration,
        status: "submitting",
        estimatedCostUsd: old.estimatedCostUsd,
        parentId: old.id,
        parentKind: "retry",
      },
    });
    for (const { id: _refId, generationId: _gen, ...reference } of references) {
      await tx.reference.create({
        data: { ...reference, id: newId("ref"), generationId: newGenerationId },
      });
    }
    return created;
  });
  await submitGeneration(row);
  return { id: row.id };
}
