import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { type DatabaseConfig, getEnv } from "@/lib/env";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { type Prisma, PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { prepareSqliteFile, SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-file";

/**
 * The one client type the app codes against. Both generated clients come from the same
 * models (prisma/models.prisma), so their model APIs are identical; they differ only in
 * provider-specific internals. The PostgreSQL client is therefore cast to this type.
 */
export type Db = SqliteClient;

/** The client `getDb().$transaction(async (tx) => …)` hands its callback. */
export type DbTransaction = Prisma.TransactionClient;

type Cached = { key: string; db: Db };

// Next's dev server re-evaluates modules on every change; keeping the client on globalThis
// stops each reload from opening another pool or file handle.
const holder = globalThis as typeof globalThis & { __omniStudioDb?: Cached };

/** The Prisma client for the configured database, created once per process. */
export function getDb(): Db {
  const database = getEnv().database;
  const cached = holder.__omniStudioDb;
  if (cached?.key === database.url) return cached.db;
  // The URL only changes under tests (resetEnvForTests); let go of the old connection.
  if (cached) void cached.db.$disconnect();
  const db = createDb(database);
  holder.__omniStudioDb = { key: database.url, db };
  return db;
}

/** Closes the cached client, if any; the next getDb() opens a new one. */
export async function disconnectDb(): Promise<void> {
  const cached = holder.__omniStudioDb;
  holder.__omniStudioDb = undefined;
  await cached?.db.$disconnect();
}

function createDb(database: DatabaseConfig): Db {
  if (database.provider === "postgres") {
    const adapter = new PrismaPg({ connectionString: database.url });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  prepareSqliteFile(database.filePath);
  const adapter = new PrismaBetterSqlite3({
    url: database.filePath,
    // The sync worker and web requests write to the same file; wait instead of failing.
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  return new SqliteClient({ adapter });
}
