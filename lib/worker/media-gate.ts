import "server-only";
import { availableParallelism } from "node:os";
import { createSlotGate, type SlotGate } from "./slot-gate";

/**
 * A cap on ffprobe/ffmpeg processes for the whole process, separate from the provider-request
 * cap: as many at once as the machine has cores, at most four. It bounds processes, not
 * CPU: ffmpeg may run several threads per job, and other programs (the simulator's own
 * renders, in demo mode) share the same cores. Sixteen posters started at once on two
 * cores all finish late; started two at a time, the first ones are done much sooner.
 */
const holder = globalThis as unknown as { omniMediaGate?: SlotGate };

export async function withMediaSlot<T>(work: () => Promise<T>): Promise<T> {
  holder.omniMediaGate ??= createSlotGate(() => Math.max(1, Math.min(4, availableParallelism())));
  return holder.omniMediaGate.run(work);
}
