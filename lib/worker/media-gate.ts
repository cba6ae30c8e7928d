import "server-only";
import { availableParallelism } from "node:os";
import { createSlotGate, type SlotGate } from "./slot-gate";

/**
 * A cap on ffprobe/ffmpeg work for the whole process, separate from the provider-request
 * cap: one job per core. Sixteen posters started at once on two cores all finish late;
 * started two at a time, the first ones are done in a fraction of that.
 */
const holder = globalThis as unknown as { omniMediaGate?: SlotGate };

export async function withMediaSlot<T>(work: () => Promise<T>): Promise<T> {
  holder.omniMediaGate ??= createSlotGate(() => Math.max(1, Math.min(4, availableParallelism())));
  return holder.omniMediaGate.run(work);
}
