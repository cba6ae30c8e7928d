/**
 * Fills the configured database with synthetic generations, fast: raw batched inserts in
 * one transaction (SQLite through better-sqlite3, PostgreSQL through pg), not Prisma.
 *
 *   npx tsx --conditions=react-server scripts/seed-gallery.ts --count=100000 \
 *     [--poster=posters/x.jpg --video=results/x.mp4]   # point rows at one real file
 *
 * Run under `--conditions=react-server` so lib/env.ts (server-only) loads in plain Node.
 */
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate";
import { type DatabaseConfig, getEnv } from "../lib/env";
import { makeRows, type SeedOptions } from "./seed-gallery-rows";

export type { SeedOptions };

const COLUMNS = [
  "id",
  "createdAt",
  "updatedAt",
  "prompt",
  "mode",
  "aspectRatio",
  "duration",
  "status",
  "providerTaskId",
  "submittedAt",
  "startedAt",
  "finishedAt",
  "checkAttempts",
  "videoPath",
  "posterPath",
  "videoBytes",
  "width",
  "height",
  "durationSeconds",
  "estimatedCostUsd",
  "favorite",
  "errorCode",
  "errorMessage",
] as const;
const REF_COLUMNS = [
  "id",
  "generationId",
  "kind",
  "position",
  "name",
  "mimeType",
  "width",
  "height",
] as const;

type Row = ReturnType<typeof makeRows>[number];

function values(row: Row, date: (d: Date | null) => unknown, bool: (b: boolean) => unknown) {
  return [
    row.id,
    date(row.createdAt),
    date(row.createdAt),
    row.prompt,
    row.mode,
    row.aspectRatio,
    row.duration,
    row.status,
    row.providerTaskId,
    date(row.submittedAt),
    date(row.startedAt),
    date(row.finishedAt),
    1,
    row.videoPath,
    row.posterPath,
    row.videoBytes,
    row.width,
    row.height,
    row.durationSeconds,
    row.estimatedCostUsd,
    bool(row.favorite),
    row.errorCode,
    row.errorMessage,
  ];
}

function refValues(row: Row) {
  return Array.from({ length: row.refs }, (_, p) => [
    // The studio's id shape (ref_, letters and digits): an export of a seeded gallery imports.
    `ref_${row.id.slice(4)}x${p}`,
    row.id,
    "image",
    p,
    `still-${p + 1}.jpg`,
    "image/jpeg",
    1024,
    1024,
  ]);
}

export async function seedGallery(database: DatabaseConfig, options: SeedOptions): Promise<number> {
  await migrateDatabase(database);
  const rows = makeRows(options);
  if (database.provider === "sqlite") {
    const db = new Database(database.filePath);
    // Prisma's SQLite text format for DateTime, so its comparisons keep working on these rows.
    const date = (d: Date | null) => (d ? d.toISOString().replace("Z", "+00:00") : null);
    const insert = db.prepare(
      `INSERT OR IGNORE INTO "Generation" (${COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES (${COLUMNS.map(() => "?").join(",")})`,
    );
    const insertRef = db.prepare(
      `INSERT OR IGNORE INTO "Reference" (${REF_COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES (${REF_COLUMNS.map(() => "?").join(",")})`,
    );
    db.transaction(() => {
      for (const row of rows) {
        insert.run(values(row, date, (b) => (b ? 1 : 0)));
        for (const ref of refValues(row)) insertRef.run(ref);
      }
    })();
    db.exec("ANALYZE");
    db.close();
    return rows.length;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await insertBatch(
        client,
        "Generation",
        COLUMNS,
        batch.map((row) =>
          values(
            row,
            (d) => d,
            (b) => b,
          ),
        ),
      );
      const refs = batch.flatMap(refValues);
      if (refs.length > 0) await insertBatch(client, "Reference", REF_COLUMNS, refs);
    }
    await client.query("COMMIT");
    await client.query('ANALYZE "Generation"; ANALYZE "Reference"');
  } finally {
    await client.end();
  }
  return rows.length;
}

async function insertBatch(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
) {
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(",")})`);
  await client.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${tuples.join(",")} ON CONFLICT DO NOTHING`,
    params,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const count = Number(arg("count") ?? 100_000);
  const started = performance.now();
  const inserted = await seedGallery(getEnv().database, {
    count,
    posterPath: arg("poster"),
    videoPath: arg("video"),
  });
  console.info(
    `Seeded ${inserted} generations in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
