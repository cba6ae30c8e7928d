import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { FOLLOWED_STATUSES, type GenerationStatus } from "./status";

export type GenerationRow = NonNullable<Awaited<ReturnType<Db["generation"]["findUnique"]>>>;
type GenerationCreate = Parameters<Db["generation"]["create"]>[0]["data"];
type GenerationPatch = Parameters<Db["generation"]["update"]>[0]["data"];
type GenerationManyPatch = Parameters<Db["generation"]["updateMany"]>[0]["data"];

export async function insertGeneration(data: GenerationCreate): Promise<GenerationRow> {
  return getDb().generation.create({ data });
}

export async function findGenerationRow(id: string): Promise<GenerationRow | null> {
  return getDb().generation.findUnique({ where: { id } });
}

export async function updateGeneration(id: string, patch: GenerationPatch): Promise<GenerationRow> {
  return getDb().generation.update({ where: { id }, data: patch });
}

/** Newest first; the cursor is the last id of the previous page (ids sort by time). */
export async function listGenerationRows(options: {
  limit: number;
  cursor?: string | undefined;
}): Promise<GenerationRow[]> {
  return getDb().generation.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
  });
}

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

/**
 * Takes the row for one worker until `until`. The conditional update is atomic in both
 * databases, so of two workers racing for a row exactly one sees count 1.
 */
export async function claimGeneration(
  id: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const result = await getDb().generation.updateMany({
    where: { id, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: owner, leaseUntil: until },
  });
  return result.count === 1;
}

/** Writes the outcome and frees the lease, but only if this worker still holds it. */
export async function releaseGeneration(
  id: string,
  owner: string,
  patch: GenerationManyPatch,
): Promise<boolean> {
  const result = await getDb().generation.updateMany({
    where: { id, leaseOwner: owner },
    data: { ...patch, leaseOwner: null, leaseUntil: null },
  });
  return result.count === 1;
}

/** Keeps a lease alive during long work (a download), so a short lease can still be used. */
export async function extendLease(id: string, owner: string, until: Date): Promise<boolean> {
  const result = await getDb().generation.updateMany({
    where: { id, leaseOwner: owner },
    data: { leaseUntil: until },
  });
  return result.count === 1;
}

/**
 * Frees every lease. Only for a worker that knows it is the database's sole worker (SQLite),
 * so rows held by a process that was killed resume at once instead of after the lease ends.
 */
export async function releaseAllLeases(): Promise<number> {
  const result = await getDb().generation.updateMany({
    where: { leaseOwner: { not: null } },
    data: { leaseOwner: null, leaseUntil: null },
  });
  return result.count;
}

export async function findStaleSubmittingIds(olderThan: Date): Promise<string[]> {
  const rows = await getDb().generation.findMany({
    where: { status: "submitting" satisfies GenerationStatus, updatedAt: { lt: olderThan } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

// ── Queue, callbacks and lease-guarded writes (the durable pipeline) ──────────────────

/** Statuses that hold one of the provider's running-task slots. */
const IN_FLIGHT_STATUSES = ["submitting", "submitted", "processing"] as const;

export async function countInFlightGenerations(): Promise<number> {
  return getDb().generation.count({ where: { status: { in: [...IN_FLIGHT_STATUSES] } } });
}

/** Queued rows that may be submitted now, oldest first (ids sort by creation time). */
export async function findSubmittableQueuedIds(now: Date, limit: number): Promise<string[]> {
  const rows = await getDb().generation.findMany({
    where: {
      status: "queued" satisfies GenerationStatus,
      OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function countQueuedGenerations(): Promise<number> {
  return getDb().generation.count({ where: { status: "queued" satisfies GenerationStatus } });
}

/** 1-based place in the submission queue, or null when the row is not queued. */
export async function findQueuePosition(row: GenerationRow): Promise<number | null> {
  if (row.status !== "queued") return null;
  const ahead = await getDb().generation.count({
    where: {
      status: "queued" satisfies GenerationStatus,
      OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }],
    },
  });
  return ahead + 1;
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
  patch: GenerationManyPatch,
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

export async function findGenerationByCallbackToken(token: string): Promise<GenerationRow | null> {
  return getDb().generation.findUnique({ where: { callbackToken: token } });
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

/** Recent wall-clock times (submitted → done, ms) of succeeded generations in `mode`. */
export async function findRecentDurationsMs(mode: string, limit: number): Promise<number[]> {
  const rows = await getDb().generation.findMany({
    where: {
      mode,
      status: "succeeded" satisfies GenerationStatus,
      submittedAt: { not: null },
      finishedAt: { not: null },
    },
    orderBy: [{ finishedAt: "desc" }],
    take: limit,
    select: { submittedAt: true, finishedAt: true },
  });
  return rows.flatMap((row) =>
    row.submittedAt && row.finishedAt ? [row.finishedAt.getTime() - row.submittedAt.getTime()] : [],
  );
}

export async function findReferenceRows(generationId: string) {
  return getDb().reference.findMany({ where: { generationId }, orderBy: [{ position: "asc" }] });
}

/** Like releaseGeneration, but only if nextCheckAt is still what the worker saw (no callback since). */
export async function releaseGenerationIfUnchanged(
  id: string,
  owner: string,
  seenNextCheckAt: Date | null,
  patch: GenerationManyPatch,
): Promise<boolean> {
  const result = await getDb().generation.updateMany({
    where: { id, leaseOwner: owner, nextCheckAt: seenNextCheckAt },
    data: { ...patch, leaseOwner: null, leaseUntil: null },
  });
  return result.count === 1;
}
