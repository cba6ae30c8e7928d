"use server";

import type { ActionResult } from "@/lib/errors";
import { createGeneration } from "@/lib/generations/create-generation";
import type { GenerationView } from "@/lib/generations/generation-view";
import { runAction } from "@/lib/run-action";

export async function createGenerationAction(
  input: unknown,
): Promise<ActionResult<GenerationView>> {
  return runAction("createGenerationAction", () => createGeneration(input));
}
