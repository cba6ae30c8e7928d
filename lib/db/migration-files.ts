import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Shared by the runner (server) and the tooling scripts, so no `server-only` here. */
export type DbProvider = "sqlite" | "postgres";

export type MigrationFile = {
  /** The folder name, `<yyyymmddhhmmss>_<name>`, which is also `_prisma_migrations.migration_name`. */
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, as Prisma records it. */
  checksum: string;
};

/** Migrations live in the repository, beside the schema they belong to. */
export function resolveMigrationsDir(provider: DbProvider): string {
  return path.resolve("prisma", provider, "migrations");
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Every `<dir>/<name>/migration.sql`, in name (= time) order, like Prisma lists them. */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
    files.push({ name, sql, checksum: checksumOf(sql) });
  }
  return files;
}
