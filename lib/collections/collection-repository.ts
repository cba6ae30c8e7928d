import "server-only";
import { localMessage } from "@/i18n/local-message";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findCollectionCoverPoster } from "@/lib/generations/generation-repository";
import { newId } from "@/lib/ids";
import { optionalMediaUrl } from "@/lib/storage/media-url";
import type { CollectionSummary } from "./collection-schemas";

const NAME_TAKEN = localMessage("collections.nameTaken");
const GONE = localMessage("collections.gone");

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/** Every collection, by name, with its size and cover: the newest generation with a video. */
export async function listCollections(): Promise<CollectionSummary[]> {
  const collections = await getDb().collection.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { items: true } } },
  });
  return Promise.all(
    collections.map(async (collection) => {
      const coverPoster = await findCollectionCoverPoster(collection.id);
      return {
        id: collection.id,
        name: collection.name,
        count: collection._count.items,
        coverUrl: optionalMediaUrl(coverPoster),
      };
    }),
  );
}

export async function createCollection(name: string, generationIds: string[] = []) {
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const collection = await tx.collection.create({ data: { id: newId("col"), name } });
      await addItems(tx, collection.id, generationIds);
      return { id: collection.id, name: collection.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", NAME_TAKEN);
    throw error;
  }
}

export async function renameCollection(id: string, name: string) {
  try {
    const { count } = await getDb().collection.updateMany({ where: { id }, data: { name } });
    if (count === 0) throw new AppError("not_found", GONE);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", NAME_TAKEN);
    throw error;
  }
}

/** Deletes the collection only; its generations stay in the gallery. */
export async function deleteCollection(id: string) {
  const { count } = await getDb().collection.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", GONE);
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

/** Adds the generations that exist and are not in yet; the count says how many were new. */
async function addItems(tx: Tx, collectionId: string, generationIds: string[]): Promise<number> {
  if (generationIds.length === 0) return 0;
  const [existing, already] = await Promise.all([
    tx.generation.findMany({ where: { id: { in: generationIds } }, select: { id: true } }),
    tx.collectionItem.findMany({
      where: { collectionId, generationId: { in: generationIds } },
      select: { generationId: true },
    }),
  ]);
  const inside = new Set(already.map((item) => item.generationId));
  const fresh = existing.map((row) => row.id).filter((id) => !inside.has(id));
  if (fresh.length === 0) return 0;
  const { count } = await tx.collectionItem.createMany({
    data: fresh.map((generationId) => ({ collectionId, generationId })),
  });
  return count;
}

export async function addToCollection(id: string, generationIds: string[]) {
  return getDb().$transaction(async (tx) => {
    if (!(await tx.collection.findUnique({ where: { id }, select: { id: true } }))) {
      throw new AppError("not_found", GONE);
    }
    return { added: await addItems(tx, id, generationIds) };
  });
}

export async function removeFromCollection(id: string, generationIds: string[]) {
  const { count } = await getDb().collectionItem.deleteMany({
    where: { collectionId: id, generationId: { in: generationIds } },
  });
  return { removed: count };
}

/** The ids of the collections one generation is in (the detail page's checkboxes). */
export async function collectionIdsOf(generationId: string): Promise<string[]> {
  const items = await getDb().collectionItem.findMany({
    where: { generationId },
    select: { collectionId: true },
  });
  return items.map((item) => item.collectionId);
}
