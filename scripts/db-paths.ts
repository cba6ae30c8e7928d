import path from "node:path";
import { fileURLToPath } from "node:url";

/** The database tooling works from the repository root, whatever the caller's cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type Provider = "sqlite" | "postgres";
export const providers: readonly Provider[] = ["sqlite", "postgres"];

export const modelsFile = path.join(repoRoot, "prisma", "models.prisma");

export function schemaFile(provider: Provider): string {
  return path.join(repoRoot, "prisma", provider, "schema.prisma");
}

export function migrationsDir(provider: Provider): string {
  return path.join(repoRoot, "prisma", provider, "migrations");
}
