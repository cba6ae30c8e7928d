"use server";

import type { ActionResult } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/generation-view";
import { submitGenerationAgain } from "@/lib/queue/submit-generation-again";
import { runAction } from "@/lib/run-action";

export async function submitGenerationAgainAction(
  id: string,
): Promise<ActionResult<GenerationView>> {
  return runAction("submitGenerationAgainAction", () => submitGenerationAgain(String(id)));
}
