import "server-only";
import { type DatabaseConfig, getEnv } from "@/lib/env";
import { migratePostgres } from "./migrate-postgres";
import { migrateSqlite } from "./migrate-sqlite";
import { readMigrationFiles, resolveMigrationsDir } from "./migration-files";

export { MigrationConflictError } from "./migration-plan";

export type MigrateResult = {
  provider: DatabaseConfig["provider"];
  /** Names of the migrations this call applied, oldest first; empty when up to date. */
  applied: string[];
};

/**
 * Applies every committed migration for the configured provider that the database lacks,
 * each in its own transaction, writing `_prisma_migrations` rows as `prisma migrate deploy`
 * does. Safe to run from several processes at once and to run again.
 */
export async function migrateDatabase(
  database: DatabaseConfig = getEnv().database,
  options: { migrationsDir?: string } = {},
): Promise<MigrateResult> {
  const dir = options.migrationsDir ?? resolveMigrationsDir(database.provider);
  const files = await readMigrationFiles(dir);
  if (files.length === 0) throw new Error(`No migrations found in ${dir}.`);
  const applied =
    database.provider === "sqlite"
      ? migrateSqlite(database.filePath, files)
      : await migratePostgres(database.url, files);
  return { provider: database.provider, applied };
}
