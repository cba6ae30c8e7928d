import "server-only";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import type { GalleryFilters } from "./gallery-filters";

export type GenerationWhere = NonNullable<Parameters<Db["generation"]["findMany"]>[0]>["where"];

const DAY_MS = 86_400_000;

/**
 * Filters as a Prisma `where`. Each equality filter matches one of the Generation indexes
 * ((status|mode|aspectRatio|favorite), createdAt), so the planner can walk it in order.
 * Dates are whole UTC days; `to` is inclusive.
 */
export function buildGalleryWhere(filters: GalleryFilters): NonNullable<GenerationWhere> {
  const and: NonNullable<GenerationWhere>[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.mode) and.push({ mode: filters.mode });
  if (filters.aspect) {
    and.push({ aspectRatio: filters.aspect === "auto" ? null : filters.aspect });
  }
  if (filters.fav) and.push({ favorite: true });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) {
    and.push({ createdAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } });
  }
  if (filters.refs === "with") and.push({ references: { some: {} } });
  if (filters.refs === "without") and.push({ references: { none: {} } });
  if (filters.q) {
    // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs ILIKE.
    const insensitive = getEnv().database.provider === "postgres";
    and.push({
      prompt: { contains: filters.q, ...(insensitive ? { mode: "insensitive" as const } : {}) },
    });
  }
  return and.length === 0 ? {} : { AND: and };
}

type Cursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | undefined | null): Cursor | undefined {
  if (!value) return undefined;
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}

/**
 * Keyset condition after `cursor`. Written as a range on createdAt (which the index serves)
 * minus the already-seen ties, rather than `a < x OR (a = x AND id < y)`, which SQLite
 * cannot turn into an index range.
 */
export function afterCursor(cursor: Cursor, newestFirst: boolean): NonNullable<GenerationWhere> {
  return newestFirst
    ? {
        createdAt: { lte: cursor.createdAt },
        NOT: { createdAt: cursor.createdAt, id: { gte: cursor.id } },
      }
    : {
        createdAt: { gte: cursor.createdAt },
        NOT: { createdAt: cursor.createdAt, id: { lte: cursor.id } },
      };
}
