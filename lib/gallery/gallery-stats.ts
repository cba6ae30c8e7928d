import "server-only";
import { getDb } from "@/lib/db/client";
import { isTerminalStatus, parseGenerationStatus } from "@/lib/generations/status";
import type { GalleryFilters } from "./gallery-filters";
import { hasActiveFilters } from "./gallery-filters";
import type { GalleryStats } from "./gallery-page-types";
import { buildGalleryWhere } from "./gallery-where";

/** Failed and canceled tasks are not billed by the provider, so they stay out of the spend. */
const UNBILLED = new Set(["failed", "canceled", "queued"]);

export async function getGalleryStats(filters: GalleryFilters): Promise<GalleryStats> {
  const db = getDb();
  const [byStatus, favorites, matching] = await Promise.all([
    countByStatus(),
    db.generation.count({ where: { favorite: true } }),
    hasActiveFilters(filters)
      ? db.generation.count({ where: buildGalleryWhere(filters) })
      : Promise.resolve(undefined),
  ]);
  const stats: GalleryStats = {
    total: 0,
    succeeded: 0,
    failed: 0,
    running: 0,
    favorites,
    estimatedSpendUsd: 0,
    matching: 0,
  };
  for (const group of byStatus) {
    const count = Number(group.n);
    stats.total += count;
    if (group.status === "succeeded") stats.succeeded += count;
    else if (group.status === "failed") stats.failed += count;
    else if (!isTerminalStatus(safeStatus(group.status))) stats.running += count;
    if (!UNBILLED.has(group.status)) stats.estimatedSpendUsd += Number(group.spend ?? 0);
  }
  stats.estimatedSpendUsd = Math.round(stats.estimatedSpendUsd * 100) / 100;
  stats.matching = matching ?? stats.total;
  return stats;
}

/** Answered from the (status, estimatedCostUsd) index alone, without reading the rows. */
async function countByStatus(): Promise<
  { status: string; n: number | bigint; spend: number | null }[]
> {
  return getDb().$queryRawUnsafe(
    `SELECT "status" AS status, COUNT(*) AS n, SUM("estimatedCostUsd") AS spend
     FROM "Generation" GROUP BY "status"`,
  );
}

function safeStatus(value: string) {
  try {
    return parseGenerationStatus(value);
  } catch {
    return "canceled" as const;
  }
}
