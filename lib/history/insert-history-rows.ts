import "server-only";
import { getDb } from "@/lib/db/client";
import { logError } from "@/lib/log";
import type { HistoryManifest } from "./history-archive-schema";

/**
 * Inserts rows that are not there yet. Generations go in oldest first without their parent
 * link, which is set afterwards once both ends exist (a parent deleted before the export
 * simply stays unlinked, as the live database would have it).
 */
export async function insertHistoryRows(manifest: HistoryManifest) {
  const db = getDb();
  const known = async (model: "generation" | "share" | "upload" | "element", ids: string[]) => {
    const delegate = db[model] as unknown as {
      findMany: (args: object) => Promise<{ id: string }[]>;
    };
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await delegate.findMany({
        where: { id: { in: ids.slice(i, i + 500) } },
        select: { id: true },
      });
      for (const row of rows) found.add(row.id);
    }
    return found;
  };

  const presentUploads = await known(
    "upload",
    manifest.uploads.map((u) => u.id),
  );
  let uploads = 0;
  for (const upload of manifest.uploads) {
    if (presentUploads.has(upload.id)) continue;
    if (await tryCreate("upload", () => db.upload.create({ data: upload }))) uploads += 1;
  }
  const presentElements = await known(
    "element",
    manifest.elements.map((e) => e.id),
  );
  let elements = 0;
  for (const element of manifest.elements) {
    if (presentElements.has(element.id)) continue;
    if (await tryCreate("element", () => db.element.create({ data: element }))) elements += 1;
  }

  const presentGenerations = await known(
    "generation",
    manifest.generations.map((g) => g.id),
  );
  const refsByGeneration = new Map<string, HistoryManifest["references"]>();
  for (const ref of manifest.references) {
    const list = refsByGeneration.get(ref.generationId) ?? [];
    list.push(ref);
    refsByGeneration.set(ref.generationId, list);
  }
  const imported = new Set<string>();
  for (const { parentId: _parent, ...generation } of manifest.generations) {
    if (presentGenerations.has(generation.id)) continue;
    const references = (refsByGeneration.get(generation.id) ?? []).map(
      ({ generationId: _g, ...ref }) => ref,
    );
    const ok = await tryCreate("generation", () =>
      db.generation.create({ data: { ...generation, references: { create: references } } }),
    );
    if (ok) imported.add(generation.id);
  }
  for (const generation of manifest.generations) {
    if (!imported.has(generation.id) || !generation.parentId) continue;
    const parentThere = await db.generation.count({ where: { id: generation.parentId } });
    if (parentThere === 0) continue;
    await db.generation.update({
      where: { id: generation.id },
      // Explicit, or @updatedAt would stamp the import time over the exported one.
      data: { parentId: generation.parentId, updatedAt: generation.updatedAt },
    });
  }

  const presentShares = await known(
    "share",
    manifest.shares.map((s) => s.id),
  );
  let shares = 0;
  for (const share of manifest.shares) {
    if (presentShares.has(share.id)) continue;
    const target = await db.generation.count({ where: { id: share.generationId } });
    if (target === 0) continue;
    if (await tryCreate("share", () => db.share.create({ data: share }))) shares += 1;
  }
  return {
    generations: { imported: imported.size, skipped: manifest.generations.length - imported.size },
    shares,
    uploads,
    elements,
  };
}

/** A unique clash (same provider task or element id under another row id) skips the row. */
async function tryCreate(kind: string, create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    logError(`importHistory: ${kind} skipped`, error);
    return false;
  }
}
