"use server";

import type { ActionResult } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/generation-view";
import { checkGenerationAgain } from "@/lib/queue/check-generation-again";
import { runAction } from "@/lib/run-action";

export async function checkGenerationAgainAction(
  id: string,
): Promise<ActionResult<GenerationView>> {
  return runAction("checkGenerationAgainAction", () => checkGenerationAgain(String(id)));
}
