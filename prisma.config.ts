import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads its schema-engine binary before every command, even `generate`,
// which never runs it; these machines cannot reach Prisma's host. Pointing the documented
// variable at an existing file skips the download. A real engine set by the user wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./prisma/no-schema-engine.sh", import.meta.url),
);

// One config serves both schemas: `prisma generate --schema prisma/<provider>/schema.prisma`.
// Migrations are applied by `npm run db:migrate`, not by this CLI (see prisma/README.md).
export default defineConfig({
  schema: "prisma/sqlite/schema.prisma",
  migrations: { path: "prisma/sqlite/migrations" },
});
