import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { takeLease, writeHoldingLease } from "@/lib/db/leases";
import { mediaUrl } from "@/lib/storage/media-url";
import type { ElementTaskPhase, ElementTaskView } from "./element-task-schema";

export type ElementTaskRow = NonNullable<Awaited<ReturnType<Db["elementTask"]["findUnique"]>>>;
type ElementTaskPatch = Parameters<Db["elementTask"]["updateMany"]>[0]["data"];

/** Statuses the worker still follows; the rest are final. */
export const FOLLOWED_ELEMENT_STATUSES = ["queued", "submitting", "submitted", "processing"];

/** The phase travels as it is; the browser says it in the reader's language. */
export function toElementTaskView(row: ElementTaskRow): ElementTaskView {
  return {
    id: row.id,
    name: row.name,
    tag: row.tag,
    status: row.status as ElementTaskPhase,
    failReason: row.failReason ?? undefined,
    thumbnailUrl: mediaUrl(row.frontImagePath),
    elementRowId: row.elementRowId ?? undefined,
  };
}

/**
 * Unfinished and failed tasks for the library, and those finished in the last ten minutes
 * (so a browser that was polling learns which library element each became).
 */
export async function listElementTaskViews(now = Date.now()): Promise<ElementTaskView[]> {
  const rows = await getDb().elementTask.findMany({
    where: {
      OR: [{ status: { not: "succeed" } }, { updatedAt: { gte: new Date(now - 10 * 60_000) } }],
    },
    orderBy: { id: "asc" },
    take: 100,
  });
  return rows.map(toElementTaskView);
}

export async function findElementTaskViews(ids: readonly string[]): Promise<ElementTaskView[]> {
  const wanted = ids.filter((id) => /^elt_[0-9a-z]{1,40}$/.test(id)).slice(0, 100);
  if (wanted.length === 0) return [];
  const rows = await getDb().elementTask.findMany({ where: { id: { in: wanted } } });
  return rows.map(toElementTaskView);
}

/** Due tasks whose lease is free. */
export async function findDueElementTaskIds(now: Date, limit: number): Promise<string[]> {
  const rows = await getDb().elementTask.findMany({
    where: {
      status: { in: FOLLOWED_ELEMENT_STATUSES },
      OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }],
      AND: [{ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] }],
    },
    orderBy: { id: "asc" },
    select: { id: true },
    take: limit,
  });
  return rows.map((row) => row.id);
}

/** Takes the lease if nobody holds a live one; only the holder may write the outcome. */
export async function claimElementTask(
  id: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<ElementTaskRow | null> {
  if (!(await takeLease(getDb().elementTask, id, owner, now, until))) return null;
  return getDb().elementTask.findUnique({ where: { id } });
}

/** Writes while keeping the lease (e.g. `submitting` before the create leaves). */
export async function updateLeasedElementTask(
  id: string,
  owner: string,
  patch: ElementTaskPatch,
): Promise<boolean> {
  return writeHoldingLease(getDb().elementTask, id, owner, patch);
}

/** Writes the outcome and frees the lease, if this worker still holds it. */
export async function releaseElementTask(
  id: string,
  owner: string,
  patch: ElementTaskPatch,
): Promise<boolean> {
  return updateLeasedElementTask(id, owner, { ...patch, leaseOwner: null, leaseUntil: null });
}

/** Forgets a failed task (the person dismissed it); running ones stay. */
export async function deleteFailedElementTask(id: string): Promise<boolean> {
  const result = await getDb().elementTask.deleteMany({ where: { id, status: "failed" } });
  return result.count === 1;
}
