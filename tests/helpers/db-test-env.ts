import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv, resetEnvForTests } from "@/lib/env";

export type TestDatabaseProvider = "sqlite" | "postgres";

/**
 * The PostgreSQL server tests may use: `TEST_POSTGRES_URL`, or the local default address when
 * a server answers there, as decided once per run by tests/setup/global-setup.ts (which
 * prints the decision). Undefined: PostgreSQL cases are skipped.
 */
export function testPostgresUrl(): string | undefined {
  return inject("testPostgresUrl") || undefined;
}

export type TestDatabase = { url: string; cleanup: () => Promise<void> };

/**
 * Points DATABASE_URL at a fresh database (a temp SQLite file, or a new PostgreSQL database
 * `omni_test_<random>` on the tests' PostgreSQL server), migrates it unless told not to, and
 * returns a cleanup that drops it and restores the previous DATABASE_URL.
 *
 *   const db = await useTestDatabase("sqlite");
 *   afterAll(() => db.cleanup());
 */
export async function useTestDatabase(
  provider: TestDatabaseProvider,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const previousUrl = process.env.DATABASE_URL;
  const created = provider === "sqlite" ? await createSqlite() : await createPostgres();
  await disconnectDb();
  process.env.DATABASE_URL = created.url;
  resetEnvForTests();
  if (options.migrate ?? true) await migrateDatabase();
  return {
    url: created.url,
    cleanup: async () => {
      await disconnectDb();
      await created.drop();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
      resetEnvForTests();
    },
  };
}

/** Runs raw SQL against the configured database, bypassing Prisma (to check what it wrote). */
export async function queryTestDatabase<Row = Record<string, unknown>>(
  sql: string,
): Promise<Row[]> {
  const database = getEnv().database;
  if (database.provider === "sqlite") {
    const db = new Database(database.filePath, { readonly: true });
    try {
      return db.prepare(sql).all() as Row[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

type Created = { url: string; drop: () => Promise<void> };

async function createSqlite(): Promise<Created> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "omni-db-test-"));
  // A folder that does not exist yet: migrating must create it.
  const url = `file:${path.join(dir, "nested", "test.db")}`;
  return { url, drop: () => rm(dir, { recursive: true, force: true }) };
}

async function createPostgres(): Promise<Created> {
  const serverUrl = testPostgresUrl();
  if (serverUrl === undefined) throw new Error("no PostgreSQL server for tests (see global-setup)");
  const name = `omni_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function withAdmin<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
