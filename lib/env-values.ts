import path from "node:path";
import { priceTableSchema } from "@/lib/kling-contract/price-table-schema";
import { DEFAULT_PRICE_INFO, type PriceInfo } from "@/lib/kling-contract/prices";

// How lib/env.ts turns single settings into values; it stays the only reader of process.env.

export type DatabaseConfig =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgres"; url: string };

/**
 * Prisma's SQLite form is `file:<path>`, relative paths being relative to the working
 * directory here (Prisma 7 with driver adapters has no schema-relative rule to honour).
 */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) {
    const filePath = path.join(dataDir, "omni-studio.db");
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgres", url };
  }
  if (url.startsWith("file:")) {
    const filePath = absolutePath(url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error(
    `DATABASE_URL must be "file:<path>" (SQLite) or "postgres://…" (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

/** Relative to the working directory. The ignore comment stops Turbopack from tracing the project for it. */
export function absolutePath(value: string): string {
  return path.isAbsolute(value)
    ? path.normalize(value)
    : path.join(/*turbopackIgnore: true*/ process.cwd(), value);
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** PRICE_TABLE_JSON must be the whole table; a half-written one fails startup rather than guessing. */
export function parsePriceTable(json: string | undefined): PriceInfo {
  if (json === undefined) return DEFAULT_PRICE_INFO;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error("PRICE_TABLE_JSON is not valid JSON");
  }
  const parsed = priceTableSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      'PRICE_TABLE_JSON must look like {"std":{"withoutVideo":0.084,"withVideo":0.126},"pro":{"withoutVideo":0.112,"withVideo":0.168}} (prices O1), or name models: {"kling-video-o1":{…that…},"kling-v3-omni":{"std":{"withoutVideo":…,"withVideo":…,"withSound":…},"pro":{…}}}',
    );
  }
  return { table: parsed.data, source: "configured" };
}
