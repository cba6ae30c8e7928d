import "server-only";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { estimateCostUsd } from "./estimate-cost";
import { generationInputSchema } from "./generation-input-schema";
import { insertGeneration } from "./generation-repository";
import type { GenerationView } from "./generation-view";
import { submitGeneration } from "./submit-generation";
import { toGenerationView } from "./to-generation-view";

/** Validates again on the server (the client is never trusted), records, then submits. */
export async function createGeneration(input: unknown): Promise<GenerationView> {
  const parsed = generationInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    throw new AppError("invalid_input", "Some settings need fixing before generating.", {
      fieldErrors,
    });
  }
  const { prompt, mode, aspectRatio, duration } = parsed.data;
  const row = await insertGeneration({
    id: newId("gen"),
    prompt,
    mode,
    aspectRatio,
    duration,
    status: "submitting",
    estimatedCostUsd: estimateCostUsd({ mode, seconds: Number(duration), hasVideo: false }),
  });
  return toGenerationView(await submitGeneration(row));
}
