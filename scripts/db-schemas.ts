import { writeFile } from "node:fs/promises";
import path from "node:path";
import { providers, repoRoot, schemaFile } from "./db-paths";
import { renderSchemaFromModels } from "./db-schema-files";

// Writes prisma/<provider>/schema.prisma from prisma/models.prisma for every provider.
for (const provider of providers) {
  const file = schemaFile(provider);
  await writeFile(file, await renderSchemaFromModels(provider));
  console.info(`wrote ${path.relative(repoRoot, file)}`);
}
