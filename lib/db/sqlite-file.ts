import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** How long a connection waits for another writer before giving up with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Creates the file's folder and switches the file to WAL, which SQLite remembers in the
 * file itself: readers then never block the single writer (the worker and web requests
 * share the file). The Prisma adapter offers no hook on its own connection for this.
 */
export function prepareSqliteFile(filePath: string): void {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
