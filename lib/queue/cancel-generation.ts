import "server-only";
import { AppError } from "@/lib/errors";
import { findGenerationRow, updateGenerationIf } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { getGenerationWithFacts } from "./pipeline-facts";

/**
 * Cancels a generation still waiting in the queue. The write is conditional on `queued`,
 * so a row a worker is submitting at this very moment is never half-canceled.
 */
export async function cancelGeneration(id: string): Promise<GenerationView> {
  const canceled = await updateGenerationIf(
    id,
    { status: "queued", leaseOwner: null },
    {
      status: "canceled",
      finishedAt: new Date(),
      nextCheckAt: null,
      errorCode: "canceled",
      errorMessage: "Canceled while waiting in the queue; nothing was sent to the provider.",
    },
  );
  if (!canceled) {
    const row = await findGenerationRow(id);
    if (!row) throw new AppError("not_found", "There is no such generation.");
    throw new AppError(
      "conflict",
      "Only a generation that is still waiting in the queue can be canceled; this one has already been sent to the provider.",
    );
  }
  return getGenerationWithFacts(id);
}
