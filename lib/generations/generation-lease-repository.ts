import "server-only";
import { getDb } from "@/lib/db/client";
import { takeLease, writeHoldingLease } from "@/lib/db/leases";
import { FOLLOWED_STATUSES, type GenerationStatus } from "./status";

// The generation repository's lease side: which worker follows a row, until when, and
// which rows a dead sender left behind. Status writes are in generation-status-writes.ts.

/** Rows the worker should look at now: followed, due, and not leased by a live worker. */
export async function findDueGenerationIds(now: Date, limit: number): Promise<string[]> {
  const rows = await getDb().generation.findMany({
    where: {
      status: { in: [...FOLLOWED_STATUSES] },
      OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }],
      AND: [{ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] }],
    },
    orderBy: [{ nextCheckAt: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** The earliest moment a free followed row is due for a check ([status, nextCheckAt] index). */
export async function findNextDueAt(now: Date): Promise<Date | null> {
  const row = await getDb().generation.findFirst({
    where: {
      status: { in: [...FOLLOWED_STATUSES] },
      nextCheckAt: { not: null },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    orderBy: [{ nextCheckAt: "asc" }],
    select: { nextCheckAt: true },
  });
  return row?.nextCheckAt ?? null;
}

/** Takes the row for one worker until `until` (of two workers racing, exactly one wins). */
export async function claimGeneration(
  id: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  return takeLease(getDb().generation, id, owner, now, until);
}

/** Keeps a lease alive during long work (a download), so a short lease can still be used. */
export async function extendLease(id: string, owner: string, until: Date): Promise<boolean> {
  return writeHoldingLease(getDb().generation, id, owner, { leaseUntil: until });
}

/**
 * Creates whose sender died: `submitting` rows whose lease ran out (the create may have
 * left), and rows that never got a lease (it certainly did not) after `olderThan`.
 */
export async function findOrphanedSubmitting(
  now: Date,
  olderThan: Date,
): Promise<{ id: string; leased: boolean }[]> {
  const rows = await getDb().generation.findMany({
    where: {
      status: "submitting" satisfies GenerationStatus,
      OR: [
        { leaseOwner: { not: null }, leaseUntil: { lt: now } },
        { leaseOwner: null, updatedAt: { lt: olderThan } },
      ],
    },
    select: { id: true, leaseOwner: true },
  });
  return rows.map((row) => ({ id: row.id, leased: row.leaseOwner !== null }));
}

/** Frees leases of followed rows only; `submitting` leases mark possibly-sent creates. */
export async function releaseFollowLeases(): Promise<number> {
  const result = await getDb().generation.updateMany({
    where: { leaseOwner: { not: null }, status: { not: "submitting" satisfies GenerationStatus } },
    data: { leaseOwner: null, leaseUntil: null },
  });
  return result.count;
}
