import "server-only";
import { getDb } from "@/lib/db/client";
import { FOLLOWED_STATUSES } from "@/lib/generations/status";

/**
 * The earliest moment a free followed row is due for a check (served by the
 * [status, nextCheckAt] index). Lives here rather than in the generation repository
 * because only the worker's timer asks it.
 */
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
