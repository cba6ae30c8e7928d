import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";

/**
 * A PostgreSQL "connection" for diffs between two schema files, so `db:diff` and `db:check`
 * need no server. For such a diff the engine asks one question, the server version, before
 * rendering SQL; this answers it as PostgreSQL 15 (Debian's, the version deployed here) and
 * refuses everything else, so a diff that needs a real database fails loudly instead.
 */
export function offlinePostgresAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const connect = async () => offlineAdapter();
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect,
    connectToShadowDb: connect,
  };
}

function offlineAdapter(): SqlDriverAdapter {
  const refuse = (what: string) => () =>
    Promise.reject(new Error(`offline PostgreSQL adapter: ${what} needs a real database`));
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
    queryRaw: async (query: SqlQuery): Promise<SqlResultSet> => {
      if (!query.sql.includes("current_setting('server_version_num')")) {
        throw new Error(`offline PostgreSQL adapter cannot answer: ${query.sql}`);
      }
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0 (offline diff)", 150000]],
      };
    },
    executeRaw: refuse("executeRaw"),
    executeScript: refuse("executeScript"),
    startTransaction: refuse("startTransaction"),
    dispose: async () => {},
  };
}
