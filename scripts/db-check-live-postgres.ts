import { randomBytes } from "node:crypto";
import pg from "pg";
import { migratePostgres } from "../lib/db/migrate-postgres";
import { checksumOf, readMigrationFiles } from "../lib/db/migration-files";
import { diffPostgresFromEmpty } from "./db-diff-sql";
import { HAND_MADE_POSTGRES_COLUMNS, HAND_MADE_POSTGRES_INDEXES } from "./db-hand-made";
import { migrationsDir } from "./db-paths";

/**
 * The strong PostgreSQL check, when a server is at hand. The wasm engine cannot introspect
 * PostgreSQL through adapter-pg (it chokes on the catalog's "char" columns), so instead two
 * scratch databases are built, one by replaying the committed migrations and one from the
 * schema directly, and their catalogs compared. Returns the differences ("" when none).
 */
export async function comparePostgresReplay(serverUrl: string, schema: string): Promise<string> {
  const suffix = randomBytes(6).toString("hex");
  const replayed = `omni_check_migrations_${suffix}`;
  const direct = `omni_check_schema_${suffix}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${replayed}"`);
    await admin.query(`CREATE DATABASE "${direct}"`);
    const replayedUrl = withDatabase(serverUrl, replayed);
    await migratePostgres(replayedUrl, await readMigrationFiles(migrationsDir("postgres")));
    const sql = await diffPostgresFromEmpty(schema);
    await migratePostgres(withDatabase(serverUrl, direct), [
      { name: "schema", sql, checksum: checksumOf(sql) },
    ]);
    const [want, got] = await Promise.all([
      describeCatalog(withDatabase(serverUrl, direct)),
      describeCatalog(replayedUrl),
    ]);
    if (want.length === 0) return "the schema built no tables: the comparison would prove nothing";
    const lines = [
      ...want.filter((line) => !got.includes(line)).map((line) => `missing: ${line}`),
      ...got.filter((line) => !want.includes(line)).map((line) => `extra:   ${line}`),
    ];
    return lines.join("\n");
  } finally {
    for (const name of [replayed, direct]) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    }
    await admin.end();
  }
}

/** Tables, columns, indexes and constraints of the public schema, one line each. */
async function describeCatalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `
      SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, data_type,
                    is_nullable, coalesce(column_default, '-')) AS line
        FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         AND table_name || '.' || column_name <> ALL($2::text[])
      UNION ALL
      SELECT format('index %s', indexdef) FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
         AND indexname <> ALL($1::text[])
      UNION ALL
      SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
        FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY 1`,
      [[...HAND_MADE_POSTGRES_INDEXES], [...HAND_MADE_POSTGRES_COLUMNS]],
    );
    return rows.map((row) => row.line);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
