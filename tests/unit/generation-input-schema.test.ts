import { describe, expect, it } from "vitest";
import {
  DEFAULT_GENERATION_INPUT,
  generationInputSchema,
} from "@/lib/generations/generation-input-schema";

const valid = { ...DEFAULT_GENERATION_INPUT, prompt: "A fox in the snow" };

function messagesFor(input: unknown): Record<string, string[]> {
  const result = generationInputSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0]);
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

describe("generationInputSchema", () => {
  it("accepts a text-to-video request", () => {
    expect(generationInputSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    [{ ...valid, prompt: "   " }, "prompt", "Write a prompt"],
    [{ ...valid, prompt: "x".repeat(2501) }, "prompt", "longer than 2500"],
    [{ ...valid, mode: "ultra" }, "mode", "Standard or Pro"],
    [{ ...valid, aspectRatio: "4:3" }, "aspectRatio", "16:9, 9:16 or 1:1"],
    [{ ...valid, duration: "11" }, "duration", "between 3 and 10"],
    [{ ...valid, duration: 5 }, "duration", "between 3 and 10"],
    [{ ...valid, duration: "7" }, "duration", "5 or 10 seconds"],
  ])("refuses %j on %s", (input, field, message) => {
    expect(messagesFor(input)[field]?.join(" ")).toContain(message);
  });

  it("counts 2500 characters as the limit, inclusive", () => {
    expect(generationInputSchema.safeParse({ ...valid, prompt: "y".repeat(2500) }).success).toBe(
      true,
    );
  });
});
