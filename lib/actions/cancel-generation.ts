"use server";

import type { ActionResult } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/generation-view";
import { cancelGeneration } from "@/lib/queue/cancel-generation";
import { runAction } from "@/lib/run-action";

export async function cancelGenerationAction(id: string): Promise<ActionResult<GenerationView>> {
  return runAction("cancelGenerationAction", () => cancelGeneration(String(id)));
}
