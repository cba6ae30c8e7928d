import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import type { GenerationView } from "@/lib/generations/generation-view";

/**
 * "Takes": how many generations one Generate makes from the same recipe (issue 14). One
 * schema for the composer's select, the saved draft and the server action.
 */
export const MAX_TAKES = 4;
export const TAKE_COUNTS = [1, 2, 3, 4] as const;

const outOfRange = localMessage("takes.outOfRange", { max: MAX_TAKES });

export const takesSchema = z
  .number({ error: outOfRange })
  .int({ error: outOfRange })
  .min(1, { error: outOfRange })
  .max(MAX_TAKES, { error: outOfRange });

/** A saved draft from before Takes, or one edited by hand, starts at one take. */
export function readTakes(value: unknown): number {
  const parsed = takesSchema.safeParse(typeof value === "string" ? Number(value) : value);
  return parsed.success ? parsed.data : 1;
}

/** What one Generate made: its takes in order, linked by `batchId` when there are several. */
export type CreatedTakes = {
  batchId: string | null;
  generations: Pick<GenerationView, "id" | "status">[];
};
