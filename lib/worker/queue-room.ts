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
 * `ownUnsent` discounts the caller's own `submitting` rows that have not been sent (the row
 * itself, and the later takes of its batch) from the in-flight count: they hold no slot yet.
 */
export async function hasRoomToSubmit(options: { ownUnsent: number }): Promise<boolean> {
  if (queuePausedFor() > 0) return false;
  if ((await countQueuedGenerations()) > 0) return false;
  const inFlight = (await countInFlightGenerations()) - options.ownUnsent;
  return inFlight < getEnv().worker.maxInFlight;
}

/**
 * How many new generations made now would be sent at once rather than wait in the queue:
 * none while anyone waits (the queue is first come, first served) or the provider is busy.
 * A snapshot for the composer's note; Generate decides for real, take by take.
 */
export async function startableNow(): Promise<number> {
  if ((await countQueuedGenerations()) > 0) return 0;
  return submitRoom();
}
