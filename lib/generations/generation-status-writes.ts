import "server-only";
import { getDb } from "@/lib/db/client";
import { writeHoldingLease } from "@/lib/db/leases";
import type { GenerationChange } from "./generation-change";
import type { GenerationStatus } from "./status";

/**
 * The repository's status writes. Only lifecycle.ts imports this file (a dependency rule
 * checks it): every other module changes a status through a named transition there.
 * Each write is conditional on what the caller saw, so of two racing instances one wins.
 */
type LeaseFields = { leaseOwner?: string | null; leaseUntil?: Date | null };

/** Writes the outcome and frees the lease, but only if this worker still holds it. */
export async function releaseGeneration(
  id: string,
  owner: string,
  patch: GenerationChange,
): Promise<boolean> {
  return writeHoldingLease(getDb().generation, id, owner, {
    ...patch,
    leaseOwner: null,
    leaseUntil: null,
  });
}

/** Like releaseGeneration, but only if nextCheckAt is still what the worker saw (no callback since). */
export async function releaseGenerationIfUnchanged(
  id: string,
  owner: string,
  seenNextCheckAt: Date | null,
  patch: GenerationChange,
): Promise<boolean> {
  const result = await getDb().generation.updateMany({
    where: { id, leaseOwner: owner, nextCheckAt: seenNextCheckAt },
    data: { ...patch, leaseOwner: null, leaseUntil: null },
  });
  return result.count === 1;
}

/**
 * Moves a row from `from` to `submitting` and leases it, atomically: of two instances
 * racing for one queued row exactly one sends the create.
 */
export async function claimForSubmit(
  id: string,
  from: GenerationStatus,
  owner: string,
  until: Date,
): Promise<boolean> {
  const result = await getDb().generation.updateMany({
    where: { id, status: from, leaseOwner: null },
    data: { status: "submitting", leaseOwner: owner, leaseUntil: until },
  });
  return result.count === 1;
}

/** Writes only if the row is still in `status` (and, when given, still leased by `owner`). */
export async function updateGenerationIf(
  id: string,
  where: { status?: GenerationStatus | GenerationStatus[]; leaseOwner?: string | null },
  patch: GenerationChange & LeaseFields,
): Promise<boolean> {
  const status =
    where.status === undefined
      ? undefined
      : Array.isArray(where.status)
        ? { in: where.status }
        : where.status;
  const result = await getDb().generation.updateMany({
    where: {
      id,
      ...(status === undefined ? {} : { status }),
      ...(where.leaseOwner === undefined ? {} : { leaseOwner: where.leaseOwner }),
    },
    data: patch,
  });
  return result.count === 1;
}
