import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { readMigrationFiles } from "../lib/db/migration-files";
import { openSchemaEngine } from "./db-engine";
import { datamodelTarget, loadMigrationList, schemaFilterFor } from "./db-engine-inputs";
import { offlinePostgresAdapterFactory } from "./db-offline-pg-adapter";
import { migrationsDir, type Provider } from "./db-paths";
import { sqliteEngineAdapterFactory } from "./db-sqlite-engine-adapter";

/** The file in each PostgreSQL migration folder recording the schema that migration reaches. */
export const snapshotName = "schema.prisma";

/**
 * SQL that takes a database built by the committed SQLite migrations to `schema`. The engine
 * replays the migrations into an in-memory shadow database, so no real database is touched.
 */
export async function diffSqliteFromMigrations(schema: string): Promise<string> {
  const engine = await openSchemaEngine(sqliteEngineAdapterFactory());
  try {
    const from: DiffTarget = { tag: "migrations", ...(await loadMigrationList("sqlite")) };
    return await diffScript(engine, from, datamodelTarget(schema), "sqlite");
  } finally {
    engine.free();
  }
}

/**
 * A diff from the migrations folder needs a PostgreSQL shadow database, which the wasm engine
 * cannot create through the adapter; so each PostgreSQL migration folder keeps a snapshot of
 * the schema it reaches and new SQL is the diff from the last snapshot to `schema`.
 */
export async function diffPostgresFromLastSnapshot(schema: string): Promise<string> {
  return diffPostgresSchemas(await readLastPostgresSnapshot(), schema);
}

/** The SQL that builds `schema` in an empty PostgreSQL database. */
export async function diffPostgresFromEmpty(schema: string): Promise<string> {
  return diffPostgresSchemas(undefined, schema);
}

async function diffPostgresSchemas(previous: string | undefined, schema: string): Promise<string> {
  const engine = await openSchemaEngine(offlinePostgresAdapterFactory());
  try {
    const from: DiffTarget = previous === undefined ? { tag: "empty" } : datamodelTarget(previous);
    return await diffScript(engine, from, datamodelTarget(schema), "postgres");
  } finally {
    engine.free();
  }
}

export async function readLastPostgresSnapshot(): Promise<string | undefined> {
  const dir = migrationsDir("postgres");
  const last = (await readMigrationFiles(dir)).at(-1);
  if (last === undefined) return undefined;
  const file = path.join(dir, last.name, snapshotName);
  return readFile(file, "utf8").catch(() => {
    throw new Error(`${file} is missing: every PostgreSQL migration needs its schema snapshot.`);
  });
}

type Engine = Awaited<ReturnType<typeof openSchemaEngine>>;

async function diffScript(
  engine: Engine,
  from: DiffTarget,
  to: DiffTarget,
  provider: Provider,
): Promise<string> {
  const filters = schemaFilterFor(provider);
  const result = await engine.diff({ from, to, script: true, exitCode: true, filters });
  // exitCode 2 means "there is a difference"; 0 means the script is only a no-op comment.
  return result.exitCode === 2 ? (result.stdout ?? "") : "";
}
