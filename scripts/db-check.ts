import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { comparePostgresReplay } from "./db-check-live-postgres";
import {
  diffPostgresFromLastSnapshot,
  diffSqliteFromMigrations,
  snapshotName,
} from "./db-diff-sql";
import { renderLockfile } from "./db-engine-inputs";
import { migrationsDir, type Provider, providers, repoRoot, schemaFile } from "./db-paths";
import { renderSchemaFromModels } from "./db-schema-files";
import { findTestPostgres, redact, type TestPostgres } from "./find-test-postgres";

// `npm run db:check [-- --postgres-url postgres://…]`: fails when the committed schemas or
// migrations no longer match prisma/models.prisma. See prisma/README.md.
const { values } = parseArgs({ options: { "postgres-url": { type: "string" } } });
const problems: string[] = [];
const rel = (file: string) => path.relative(repoRoot, file);

const schemas = {} as Record<Provider, string>;
for (const provider of providers) {
  schemas[provider] = await renderSchemaFromModels(provider);
  const committed = await readFile(schemaFile(provider), "utf8").catch(() => "");
  if (committed !== schemas[provider]) {
    problems.push(`${rel(schemaFile(provider))} is out of date: run \`npm run db:schemas\`.`);
  }
  const lockPath = path.join(migrationsDir(provider), "migration_lock.toml");
  if ((await readFile(lockPath, "utf8").catch(() => "")) !== renderLockfile(provider)) {
    problems.push(`${rel(lockPath)} is missing or names the wrong provider.`);
  }
}

const folders = await Promise.all(providers.map((provider) => listFolders(provider)));
if (folders[0]?.join() !== folders[1]?.join()) {
  problems.push(
    "prisma/sqlite/migrations and prisma/postgres/migrations hold different migration folders; " +
      "create migrations with `npm run db:diff -- --name <name>` so both providers get one.",
  );
}
for (const folder of folders[1] ?? []) {
  const snapshot = path.join(migrationsDir("postgres"), folder, snapshotName);
  if (!(await exists(snapshot))) problems.push(`${rel(snapshot)} is missing.`);
}

const missing = (provider: string, how: string, sql: string) =>
  `The ${provider} migrations (${how}) do not reach prisma/models.prisma; ` +
  `run \`npm run db:diff -- --name <name>\`. Missing SQL:\n${indent(sql)}`;

const sqliteSql = await diffSqliteFromMigrations(schemas.sqlite);
if (sqliteSql !== "") problems.push(missing("SQLite", "replayed in memory", sqliteSql));
if (problems.every((problem) => !problem.includes(snapshotName))) {
  const postgresSql = await diffPostgresFromLastSnapshot(schemas.postgres);
  if (postgresSql !== "") problems.push(missing("PostgreSQL", "last snapshot", postgresSql));
}
// The strong check runs wherever a PostgreSQL server is at hand: the URL given, else the
// one the tests would use (TEST_POSTGRES_URL, or 127.0.0.1:5432 when something answers).
const live: TestPostgres = values["postgres-url"]
  ? { url: values["postgres-url"], source: "TEST_POSTGRES_URL" }
  : await findTestPostgres();
const liveUrl = live.url;
if (liveUrl !== undefined) {
  const differences = await comparePostgresReplay(liveUrl, schemas.postgres);
  if (differences !== "") {
    problems.push(
      `The PostgreSQL migrations, replayed on a server, build a different database than ` +
        `prisma/models.prisma describes:\n${indent(differences)}`,
    );
  }
}

if (problems.length > 0) {
  console.error(`db:check failed:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.info(
  `db:check ok: schemas match prisma/models.prisma; SQLite migrations replay to it; ` +
    `PostgreSQL migrations reach it (${liveUrl ? `replayed on ${redact(liveUrl)}` : "by snapshot"}).`,
);
if (live.url === undefined)
  console.info(`db:check: live PostgreSQL check SKIPPED, ${live.reason}.`);

async function listFolders(provider: Provider): Promise<string[]> {
  const entries = await readdir(migrationsDir(provider), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function indent(text: string): string {
  return text
    .trim()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
