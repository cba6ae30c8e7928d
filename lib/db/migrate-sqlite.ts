import "server-only";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { MigrationFile } from "./migration-files";
import { type AppliedRow, findNextMigration, sqliteTimestamp } from "./migration-plan";
import { prepareSqliteFile, SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-file";

/** Prisma's own DDL for its bookkeeping table, so its CLI reads what we write. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function migrateSqlite(filePath: string, files: readonly MigrationFile[]): string[] {
  prepareSqliteFile(filePath);
  const db = new Database(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // Prisma's table rebuilds (copy, DROP, rename) would fire ON DELETE CASCADE with foreign
    // keys on, and the pragma is a no-op inside a transaction; so they are off for this
    // connection and checked by hand before each commit instead.
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    for (;;) {
      const name = applyNext(db, files);
      if (name === undefined) return applied;
      applied.push(name);
    }
  } finally {
    db.close();
  }
}

/**
 * One migration in one transaction. BEGIN IMMEDIATE takes the write lock before reading the
 * table, so a second process waits here and then sees the first one's rows.
 */
function applyNext(db: Database.Database, files: readonly MigrationFile[]): string | undefined {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = db
      .prepare(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      )
      .all() as AppliedRow[];
    const next = findNextMigration(files, rows);
    if (next !== undefined) applyOne(db, next);
    db.exec("COMMIT");
    return next?.name;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function applyOne(db: Database.Database, file: MigrationFile): void {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES (?, ?, ?, ?, 0)`,
  ).run(id, file.checksum, file.name, sqliteTimestamp(new Date()));
  try {
    db.exec(file.sql);
  } catch (error) {
    throw new Error(`Migration ${file.name} failed and was rolled back: ${String(error)}`, {
      cause: error,
    });
  }
  const broken = db.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) {
    throw new Error(`Migration ${file.name} leaves ${broken.length} broken foreign key(s).`);
  }
  db.prepare(
    `UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`,
  ).run(sqliteTimestamp(new Date()), id);
}
