import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  diffPostgresFromLastSnapshot,
  diffSqliteFromMigrations,
  snapshotName,
} from "./db-diff-sql";
import { renderLockfile } from "./db-engine-inputs";
import { migrationsDir, type Provider, providers, repoRoot, schemaFile } from "./db-paths";
import { renderSchemaFromModels } from "./db-schema-files";

// `npm run db:diff -- --name add_x`: regenerates both schemas from prisma/models.prisma and
// writes one migration per provider under the same `<stamp>_<name>` folder name.
const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = (values.name ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_+|_+$/g, "");
if (name === "") {
  console.error("Usage: npm run db:diff -- --name <what_changed>");
  process.exit(1);
}

const schemas = {} as Record<Provider, string>;
for (const provider of providers) {
  schemas[provider] = await renderSchemaFromModels(provider);
  await writeFile(schemaFile(provider), schemas[provider]);
}

const sql: Record<Provider, string> = {
  sqlite: await diffSqliteFromMigrations(schemas.sqlite),
  postgres: await diffPostgresFromLastSnapshot(schemas.postgres),
};
if (sql.sqlite === "" && sql.postgres === "") {
  console.info("No changes: the migrations already reach prisma/models.prisma.");
  process.exit(0);
}

const folder = `${timestamp(new Date())}_${name}`;
for (const provider of providers) {
  const dir = path.join(migrationsDir(provider), folder);
  await mkdir(dir, { recursive: true });
  // Both providers keep the same folder names, so an empty side still gets its (no-op) file.
  const body = sql[provider] || `-- No change for ${provider} in this migration.\n`;
  await writeFile(path.join(dir, "migration.sql"), body);
  if (provider === "postgres") await writeFile(path.join(dir, snapshotName), schemas.postgres);
  await writeFile(
    path.join(migrationsDir(provider), "migration_lock.toml"),
    renderLockfile(provider),
  );
  console.info(`wrote ${path.relative(repoRoot, path.join(dir, "migration.sql"))}`);
}

/** Prisma's folder stamp: UTC `yyyymmddhhmmss`. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
