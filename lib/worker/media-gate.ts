import "server-only";
import { availableParallelism } from "node:os";

/**
 * A cap on ffprobe/ffmpeg work for the whole process, separate from the provider-request
 * cap: one job per core. Sixteen posters started at once on two cores all finish late;
 * started two at a time, the first ones are done in a fraction of that.
 */
type Gate = { active: number; limit: number; waiting: (() => void)[] };

const holder = globalThis as unknown as { omniMediaGate?: Gate };

function gate(): Gate {
  holder.omniMediaGate ??= {
    active: 0,
    limit: Math.max(1, Math.min(4, availableParallelism())),
    waiting: [],
  };
  return holder.omniMediaGate;
}

export async function withMediaSlot<T>(work: () => Promise<T>): Promise<T> {
  const state = gate();
  if (state.active >= state.limit) {
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  } else {
    state.active += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (first come, first served).
    const next = state.waiting.shift();
    if (next) next();
    else state.active -= 1;
  }
}
