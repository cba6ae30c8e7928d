"use server";

import type { ActionResult } from "@/lib/errors";
import { createGeneration } from "@/lib/generations/create-generation";
import type { GenerationView } from "@/lib/generations/generation-view";
import { runAction } from "@/lib/run-action";
import { guardGenerate } from "@/lib/security/guard-generate";

export async function createGenerationAction(
  input: unknown,
): Promise<ActionResult<GenerationView>> {
  return runAction("createGenerationAction", async () => {
    await guardGenerate(input);
    return createGeneration(input);
  });
}
