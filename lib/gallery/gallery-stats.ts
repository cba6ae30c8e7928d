import "server-only";
import {
  countFavoriteGenerations,
  countGenerationsWhere,
  sumGenerationsByStatus,
} from "@/lib/generations/generation-gallery-repository";
import { isTerminalStatus, parseGenerationStatus } from "@/lib/generations/status";
import type { GalleryFilters } from "./gallery-filters";
import { hasActiveFilters } from "./gallery-filters";
import type { GalleryStats } from "./gallery-page-types";
import { countSearchMatches, galleryConditions, whereClause } from "./gallery-where";

/** Failed and canceled tasks are not billed by the provider, so they stay out of the spend. */
const UNBILLED = new Set(["failed", "canceled", "queued"]);

export async function getGalleryStats(filters: GalleryFilters): Promise<GalleryStats> {
  const [byStatus, favorites, matching] = await Promise.all([
    sumGenerationsByStatus(),
    countFavoriteGenerations(),
    hasActiveFilters(filters) ? countMatching(filters) : Promise.resolve(undefined),
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

/** A search under facet filters is counted by the index alone; anything else through Generation. */
async function countMatching(filters: GalleryFilters): Promise<number> {
  const fromIndex = await countSearchMatches(filters);
  if (fromIndex !== undefined) return fromIndex;
  return countGenerationsWhere(whereClause(await galleryConditions(filters, "count")));
}

function safeStatus(value: string) {
  try {
    return parseGenerationStatus(value);
  } catch {
    return "canceled" as const;
  }
}
