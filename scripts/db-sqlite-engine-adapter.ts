import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/**
 * better-sqlite3 for the schema engine. When the engine replays a migration into its shadow
 * database it sends the whole file through `executeRaw`, which better-sqlite3 refuses for
 * more than one statement; such parameterless scripts go through `executeScript` instead.
 */
export function sqliteEngineAdapterFactory(
  url = ":memory:",
): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => acceptScripts(await inner.connect()),
    connectToShadowDb: async () => acceptScripts(await inner.connectToShadowDb()),
  };
}

function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw: SqlDriverAdapter["executeRaw"] = async (query) => {
    try {
      return await adapter.executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/i.test(String(error))) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  // A Proxy keeps the adapter's other members intact, bound to the real object.
  return new Proxy(adapter, {
    get: (target, key) => {
      if (key === "executeRaw") return executeRaw;
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
