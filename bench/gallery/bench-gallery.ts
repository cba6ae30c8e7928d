/**
 * Gallery server-time benchmark with 100,000 generations, on SQLite and, where a server
 * answers (scripts/find-test-postgres.ts), on PostgreSQL.
 *
 *   npm run bench:gallery            (BENCH_ROWS=100000 BENCH_RUNS=60 by default)
 *
 * Seeds a fresh temp database with scripts/seed-gallery.ts (the search triggers index every
 * row as it goes in), then times the same server functions the gallery page calls
 * (listGalleryPage, getGalleryStats) and prints p50/p95, plus SQLite's EXPLAIN QUERY PLAN
 * for the SQL actually sent (captured from Prisma's query log).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import pg from "pg";
import { findTestPostgres, redact } from "../../scripts/find-test-postgres";
import { loadAverageNow, machineStamp, stampLine, writeFiguresBlock } from "../figures-block";

const loadBefore = loadAverageNow();
const rowsWanted = Number(process.env.BENCH_ROWS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 60);
const dir = await mkdtemp(path.join(os.tmpdir(), "omni-bench-gallery-"));
const filePath = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${filePath}`;
process.env.WORKER_ENABLED = "0";

const { getEnv, resetEnvForTests } = await import("../../lib/env");
const { disconnectDb } = await import("../../lib/db/client");
const { seedGallery } = await import("../../scripts/seed-gallery");
const { PrismaClient } = await import("../../lib/db/generated/sqlite/client");
const { getDb } = await import("../../lib/db/client");
const { parseGalleryFilters } = await import("../../lib/gallery/gallery-filters");
const { listGalleryPage } = await import("../../lib/gallery/list-gallery");
const { getGalleryStats } = await import("../../lib/gallery/gallery-stats");

const seedStart = performance.now();
await seedGallery(getEnv().database, { count: rowsWanted });
console.info(
  `Seeded ${rowsWanted} rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
);

// A client that logs its SQL, installed where getDb() looks, so the timed code is unchanged.
const captured: { query: string; params: string }[] = [];
const db = new PrismaClient({
  adapter: new PrismaBetterSqlite3({ url: filePath }),
  log: [{ emit: "event", level: "query" }],
});
db.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
(globalThis as { __omniStudioDb?: unknown }).__omniStudioDb = { key: getEnv().database.url, db };

const firstPage = await listGalleryPage(parseGalleryFilters(new URLSearchParams()));
const cursor20 = await (async () => {
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) cursor = (await listGalleryPage({}, cursor)).nextCursor;
  return cursor;
})();

const scenarios: [string, () => Promise<unknown>][] = [
  ["first page (newest, no filter)", () => listGalleryPage({})],
  ["header stats (counts + spend)", () => getGalleryStats({})],
  [
    "whole first render (page + stats)",
    () => Promise.all([listGalleryPage({}), getGalleryStats({})]),
  ],
  ["page 21 (keyset cursor)", () => listGalleryPage({}, cursor20)],
  [
    "search q='red fox' + status=succeeded",
    () => listGalleryPage(parseGalleryFilters(new URLSearchParams("q=red fox&status=succeeded"))),
  ],
  [
    "search q='lighthouse' (one prompt in ten)",
    () => listGalleryPage(parseGalleryFilters(new URLSearchParams("q=lighthouse"))),
  ],
  [
    "search q='shot 4242' (rare match)",
    () => listGalleryPage(parseGalleryFilters(new URLSearchParams("q=shot 4242"))),
  ],
  [
    "mode=pro & aspect=9:16",
    () => listGalleryPage(parseGalleryFilters(new URLSearchParams("mode=pro&aspect=9:16"))),
  ],
  [
    "favorites, oldest first",
    () => listGalleryPage(parseGalleryFilters(new URLSearchParams("fav=1&sort=oldest"))),
  ],
  [
    "with references, last 30 days",
    () =>
      listGalleryPage(
        parseGalleryFilters(
          new URLSearchParams(
            `refs=with&from=${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)}`,
          ),
        ),
      ),
  ],
  [
    "filtered render (search + matching count)",
    () => {
      const f = parseGalleryFilters(new URLSearchParams("q=red fox&status=succeeded"));
      return Promise.all([listGalleryPage(f), getGalleryStats(f)]);
    },
  ],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Times every scenario; `afterEach` sees the SQL captured during that scenario's runs. */
async function timeScenarios(afterEach: (name: string) => void): Promise<string[]> {
  const table = ["| scenario | p50 ms | p95 ms |", "|---|---|---|"];
  for (const [name, run] of scenarios) {
    for (let i = 0; i < 5; i++) await run();
    const times: number[] = [];
    captured.length = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    table.push(
      `| ${name} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`,
    );
    afterEach(name);
  }
  return table;
}

const sqlite = new Database(filePath, { readonly: true });
const plans: string[] = [];
const sqliteTable = await timeScenarios((name) => {
  const seen = new Set<string>();
  for (const { query, params } of captured) {
    if (seen.has(query) || !/^\s*SELECT/i.test(query)) continue;
    seen.add(query);
    const bound = (JSON.parse(params) as unknown[]).map((v) =>
      typeof v === "boolean" ? Number(v) : v,
    );
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...bound);
    const short = query.replace(
      /^SELECT (`main`\.`Generation`\.`\w+`, ){5,}`main`\.`Generation`\.`\w+` FROM/,
      "SELECT <all columns> FROM",
    );
    plans.push(
      `-- ${name}\n${short}\n${(plan as { detail: string }[]).map((row) => `   ${row.detail}`).join("\n")}`,
    );
  }
});
sqlite.close();
await db.$disconnect();
await rm(dir, { recursive: true, force: true });
console.info(
  `SQLite: first page returned ${firstPage.items.length} items\n${sqliteTable.join("\n")}`,
);
const postgres = await benchPostgres();
console.info("\nEXPLAIN QUERY PLAN (SQL as Prisma sent it):\n");
console.info(plans.join("\n\n"));
writeFiguresBlock(
  path.join("bench", "gallery", "README.md"),
  [
    stampLine(machineStamp(), loadBefore),
    `${rowsWanted.toLocaleString("en")} rows, ${runs} timed runs per scenario after 5 warm-up runs.`,
    "SQLite:",
    sqliteTable.join("\n"),
    postgres.heading,
    postgres.table.join("\n"),
    "Query plans (SQLite's `EXPLAIN QUERY PLAN` for the SQL Prisma sent):",
    `\`\`\`\n${plans.join("\n\n")}\n\`\`\``,
  ].join("\n\n"),
);

/**
 * The same scenarios on a scratch PostgreSQL database (dropped afterwards), when a server
 * answers; otherwise the README says it was skipped and why.
 */
async function benchPostgres(): Promise<{ heading: string; table: string[] }> {
  const server = await findTestPostgres();
  if (server.url === undefined) {
    return { heading: `PostgreSQL: skipped (${server.reason}).`, table: [] };
  }
  const name = `omni_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    await disconnectDb();
    process.env.DATABASE_URL = url.toString();
    resetEnvForTests();
    await seedGallery(getEnv().database, { count: rowsWanted });
    // A live table is kept by autovacuum, which vacuums after this many inserts (PostgreSQL 13+)
    // and so sets the visibility map index-only scans rely on; a table seeded a second ago has
    // none. Measure the steady state, not the minute after a bulk load.
    await getDb().$executeRawUnsafe("VACUUM (ANALYZE)");
    const table = await timeScenarios(() => {});
    console.info(`PostgreSQL:\n${table.join("\n")}`);
    const version = await getDb().$queryRawUnsafe<{ v: string }[]>("SHOW server_version");
    return {
      heading: `PostgreSQL ${version[0]?.v ?? ""} (${redact(server.url)}, scratch database):`,
      table,
    };
  } finally {
    await disconnectDb();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}
