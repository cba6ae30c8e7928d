import "server-only";
import { getEnv } from "@/lib/env";

/**
 * One cap on provider requests for the whole process (worker checks, queue submissions and
 * actions alike), so a burst of due tasks never turns into a burst of requests.
 */
type Gate = { active: number; waiting: (() => void)[] };

const holder = globalThis as unknown as { omniProviderGate?: Gate };

function gate(): Gate {
  holder.omniProviderGate ??= { active: 0, waiting: [] };
  return holder.omniProviderGate;
}

export async function withProviderSlot<T>(work: () => Promise<T>): Promise<T> {
  const state = gate();
  const limit = getEnv().worker.maxProviderRequests;
  if (state.active >= limit) {
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  } else {
    state.active += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, so `active` never over-counts.
    const next = state.waiting.shift();
    if (next) next();
    else state.active -= 1;
  }
}

/** For tests and the benchmark: how many provider requests run right now. */
export function providerRequestsInFlight(): number {
  return gate().active;
}
