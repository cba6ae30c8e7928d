import "server-only";
import { hostname } from "node:os";
import { AppError } from "@/lib/errors";
import { claimForSubmit, findGenerationRow } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { SUBMIT_LEASE_MS, sendCreate } from "@/lib/generations/submit-generation";
import { getGenerationWithFacts } from "./pipeline-facts";

const OWNER = `resubmit-${hostname()}-${process.pid}`;

/**
 * "Submit again" on an uncertain generation, after a person confirmed. Sends a new create
 * with a NEW external_task_id (the provider refuses a repeated one, and the first create
 * may exist under the old one). Claimed from `uncertain` atomically, so a double click
 * sends one create.
 */
export async function submitGenerationAgain(id: string): Promise<GenerationView> {
  const until = new Date(Date.now() + SUBMIT_LEASE_MS);
  if (!(await claimForSubmit(id, "uncertain", OWNER, until))) {
    const row = await findGenerationRow(id);
    if (!row) throw new AppError("not_found", "There is no such generation.");
    throw new AppError("conflict", "Only a generation that needs checking can be submitted again.");
  }
  const row = await findGenerationRow(id);
  if (!row) throw new AppError("not_found", "There is no such generation.");
  await sendCreate(row, OWNER, {
    externalTaskId: `${id}-r${Date.now().toString(36)}`,
    onBusy: "uncertain",
  });
  return getGenerationWithFacts(id);
}
