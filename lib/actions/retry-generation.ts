"use server";

import type { ActionResult } from "@/lib/errors";
import { retryGeneration } from "@/lib/queue/retry-generation";
import { runAction } from "@/lib/run-action";

export async function retryGenerationAction(id: string): Promise<ActionResult<{ id: string }>> {
  return runAction("retryGenerationAction", () => retryGeneration(String(id)));
}
