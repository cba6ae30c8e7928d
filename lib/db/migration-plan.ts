import type { MigrationFile } from "./migration-files";

/** One row of Prisma's `_prisma_migrations`, as far as deciding what to apply needs. */
export type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
};

/** Raised when the database and the committed migrations disagree; a person must look. */
export class MigrationConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationConflictError";
  }
}

/**
 * The first committed migration not yet applied, after the checks `prisma migrate deploy`
 * makes: a failed, unresolved migration blocks everything, and an applied migration whose
 * file changed since is refused rather than silently skipped.
 */
export function findNextMigration(
  files: readonly MigrationFile[],
  rows: readonly AppliedRow[],
): MigrationFile | undefined {
  const live = rows.filter((row) => row.rolled_back_at == null);
  const failed = live.find((row) => row.finished_at == null);
  if (failed) {
    throw new MigrationConflictError(
      `Migration ${failed.migration_name} failed in an earlier run and is still recorded as unfinished. ` +
        "Fix the database, then mark it with `prisma migrate resolve` before migrating again.",
    );
  }
  const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
  for (const file of files) {
    const checksum = applied.get(file.name);
    if (checksum !== undefined && checksum !== file.checksum) {
      throw new MigrationConflictError(
        `Migration ${file.name} was changed after it was applied (recorded checksum ${checksum}, ` +
          `file checksum ${file.checksum}). Restore the file; put new changes in a new migration.`,
      );
    }
  }
  return files.find((file) => !applied.has(file.name));
}

/** The timestamp text Prisma's engine writes into SQLite's DATETIME columns. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
