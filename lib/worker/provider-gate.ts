import "server-only";
import { getEnv } from "@/lib/env";
import { createSlotGate, type SlotGate } from "./slot-gate";

/**
 * One cap on provider requests for the whole process (worker checks, queue submissions and
 * actions alike), so a burst of due tasks never turns into a burst of requests.
 */
const holder = globalThis as unknown as { omniProviderGate?: SlotGate };

function gate(): SlotGate {
  holder.omniProviderGate ??= createSlotGate(() => getEnv().worker.maxProviderRequests);
  return holder.omniProviderGate;
}

export async function withProviderSlot<T>(work: () => Promise<T>): Promise<T> {
  return gate().run(work);
}
