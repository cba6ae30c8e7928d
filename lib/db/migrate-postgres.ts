import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { MigrationFile } from "./migration-files";
import { type AppliedRow, findNextMigration } from "./migration-plan";

/** Prisma's own DDL for its bookkeeping table, so its CLI reads what we write. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The advisory lock key Prisma's schema engine takes around migrations, so this runner and
 * the official CLI never migrate one database at the same time.
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export async function migratePostgres(
  url: string,
  files: readonly MigrationFile[],
): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const applied: string[] = [];
    for (;;) {
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      );
      const next = findNextMigration(files, rows);
      if (next === undefined) return applied;
      await applyOne(client, next);
      applied.push(next.name);
    }
  } finally {
    // Ending the session releases the advisory lock too; unlocking first is for pooled setups.
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    // A query without parameters goes through PostgreSQL's simple protocol, which runs
    // every statement of the file.
    await client.query(file.sql).catch((error: unknown) => {
      throw new Error(`Migration ${file.name} failed and was rolled back: ${String(error)}`, {
        cause: error,
      });
    });
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1
       WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
