import "server-only";
import { getEnv } from "@/lib/env";
import {
  countInFlightGenerations,
  countQueuedGenerations,
} from "@/lib/generations/generation-repository";
import { queuePausedFor } from "./queue-pause";

/** How many creates may be sent now under WORKER_MAX_IN_FLIGHT (0 while the provider is busy). */
export async function submitRoom(): Promise<number> {
  if (queuePausedFor() > 0) return 0;
  return Math.max(0, getEnv().worker.maxInFlight - (await countInFlightGenerations()));
}

/**
 * Whether a new generation may skip the queue: there is room, and nobody waits ahead of it.
 * `excludingSelf` discounts the caller's own `submitting` row from the in-flight count.
 */
export async function hasRoomToSubmit(options: { excludingSelf: boolean }): Promise<boolean> {
  if (queuePausedFor() > 0) return false;
  if ((await countQueuedGenerations()) > 0) return false;
  const inFlight = (await countInFlightGenerations()) - (options.excludingSelf ? 1 : 0);
  return inFlight < getEnv().worker.maxInFlight;
}
