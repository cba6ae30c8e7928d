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
