import { migrateDatabase } from "../lib/db/migrate";
import { getEnv } from "../lib/env";

// Runs under `tsx --conditions=react-server` (see package.json): lib/env.ts and lib/db are
// `server-only`, which throws in plain Node and is empty under that condition.
const { database } = getEnv();
const where = database.provider === "sqlite" ? database.filePath : redactUrl(database.url);
try {
  const { applied } = await migrateDatabase(database);
  console.info(
    applied.length === 0
      ? `${database.provider} at ${where}: already up to date.`
      : `${database.provider} at ${where}: applied ${applied.join(", ")}.`,
  );
} catch (error) {
  console.error(`Migrating ${database.provider} at ${where} failed:`);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
