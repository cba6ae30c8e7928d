import "server-only";
import { hostname } from "node:os";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { claimToSubmit } from "@/lib/generations/lifecycle";
import { getGenerationWithFacts } from "@/lib/progress/progress-facts";
import { SUBMIT_LEASE_MS, sendCreate } from "@/lib/worker/submit-generation";

const OWNER = `resubmit-${hostname()}-${process.pid}`;

/**
 * "Submit again" on an uncertain generation, after a person confirmed. Sends a new create
 * with a NEW external_task_id (the provider refuses a repeated one, and the first create
 * may exist under the old one). Claimed from `uncertain` atomically, so a double click
 * sends one create.
 */
export async function submitGenerationAgain(id: string): Promise<GenerationView> {
  const until = new Date(Date.now() + SUBMIT_LEASE_MS);
  if (!(await claimToSubmit(id, "uncertain", { owner: OWNER, until }))) {
    const row = await findGenerationRow(id);
    if (!row) throw new AppError("not_found", localMessage("composerRules.noSuchGeneration"));
    throw new AppError("conflict", localMessage("composerRules.resubmitOnlyUncertain"));
  }
  const row = await findGenerationRow(id);
  if (!row) throw new AppError("not_found", localMessage("composerRules.noSuchGeneration"));
  await sendCreate(row, OWNER, {
    externalTaskId: `${id}-r${Date.now().toString(36)}`,
    onBusy: "uncertain",
  });
  return getGenerationWithFacts(id);
}
