import "server-only";
import { getDb } from "@/lib/db/client";

export type UploadRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof getDb>["upload"]["findUnique"]>>
>;

/** The Upload rows for these ids, keyed by id; unknown ids are simply absent. */
export async function findUploadsByIds(ids: readonly string[]): Promise<Map<string, UploadRow>> {
  const unique = [...new Set(ids)].filter((id) => /^up_[0-9a-z]{1,40}$/.test(id));
  if (unique.length === 0) return new Map();
  const rows = await getDb().upload.findMany({ where: { id: { in: unique } } });
  return new Map(rows.map((row) => [row.id, row]));
}
