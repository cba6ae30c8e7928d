import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { cancelQueued } from "@/lib/generations/lifecycle";
import { getGenerationWithFacts } from "@/lib/progress/progress-facts";

/**
 * Cancels a generation still waiting in the queue. The write is conditional on `queued`,
 * so a row a worker is submitting at this very moment is never half-canceled.
 */
export async function cancelGeneration(id: string): Promise<GenerationView> {
  const canceled = await cancelQueued(id, {
    code: "canceled",
    message: localMessage("failureDetails.canceledQueued"),
  });
  if (!canceled) {
    const row = await findGenerationRow(id);
    if (!row) throw new AppError("not_found", localMessage("composerRules.noSuchGeneration"));
    throw new AppError("conflict", localMessage("composerRules.cancelOnlyQueued"));
  }
  return getGenerationWithFacts(id);
}
