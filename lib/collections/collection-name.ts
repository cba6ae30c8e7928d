/**
 * The collection-name rule as a plain function, so the gallery's forms can check a name
 * without shipping zod to the browser (it would add ~30 KB gzipped to the gallery's first
 * load); collection-schemas.ts wraps the same rule for the actions. A refusal is a key of
 * the catalogs' `collections` namespace (with COLLECTION_NAME_MAX as `max`): the forms say it
 * with their translator, the schema as a local message, so neither the browser nor the rule
 * carries the words or the local-message machinery.
 */
export const COLLECTION_NAME_MAX = 60;

export type CollectionNameProblem = "nameMissing" | "nameTooLong";

/** The name as stored (trimmed), or the problem with it. */
export function checkCollectionName(
  raw: string,
): { ok: true; name: string } | { ok: false; problem: CollectionNameProblem } {
  const name = raw.trim();
  if (name.length === 0) return { ok: false, problem: "nameMissing" };
  if (name.length > COLLECTION_NAME_MAX) return { ok: false, problem: "nameTooLong" };
  return { ok: true, name };
}
