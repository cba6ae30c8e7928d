import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addToCollection,
  collectionIdsOf,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from "@/lib/collections/collection-repository";
import { getDb } from "@/lib/db/client";
import { parseGalleryFilters } from "@/lib/gallery/gallery-filters";
import { listGalleryPage } from "@/lib/gallery/list-gallery";
import { planCollections } from "@/lib/history/import-collections";
import { refusalInEnglish } from "@/tests/helpers/say-english";
import { type TestDatabase, testPostgresUrl, useTestDatabase } from "../helpers/db-test-env";

const providers = [
  { name: "sqlite" as const, skip: false },
  { name: "postgres" as const, skip: testPostgresUrl() === undefined },
];

const base = Date.parse("2026-06-01T12:00:00Z");

for (const { name, skip } of providers) {
  describe.skipIf(skip)(`collections on ${name}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await useTestDatabase(name);
      for (let i = 1; i <= 4; i++) {
        await getDb().generation.create({
          data: {
            id: `gen_c${i}`,
            createdAt: new Date(base + i * 60_000),
            prompt: `Take ${i}`,
            mode: "std",
            duration: "5",
            status: i === 4 ? "failed" : "succeeded",
            posterPath: i === 4 ? null : `posters/gen_c${i}.jpg`,
          },
        });
      }
    });
    afterAll(async () => {
      await db.cleanup();
    });

    it("creates, fills in bulk, filters, renames and deletes", async () => {
      const best = await createCollection("Best", ["gen_c1", "gen_c2", "gen_missing"]);
      const other = await createCollection("Other");
      expect(await addToCollection(other.id, ["gen_c2", "gen_c4"])).toEqual({ added: 2 });
      expect(await addToCollection(other.id, ["gen_c2"])).toEqual({ added: 0 });
      // gen_c2 is in both.
      expect((await collectionIdsOf("gen_c2")).sort()).toEqual([best.id, other.id].sort());

      const page = await listGalleryPage(
        parseGalleryFilters(new URLSearchParams(`collection=${best.id}`)),
      );
      expect(page.items.map((item) => item.id)).toEqual(["gen_c2", "gen_c1"]);

      const listed = await listCollections();
      // The cover is the newest generation that has a video and poster (gen_c4 failed).
      expect(listed.map((c) => [c.name, c.count, c.coverUrl?.includes("gen_c2")])).toEqual([
        ["Best", 2, true],
        ["Other", 2, true],
      ]);

      await expect(createCollection("Best")).rejects.toThrow(/collections\.nameTaken/);
      await expect(renameCollection(other.id, "Best")).rejects.toThrow(/collections\.nameTaken/);
      await renameCollection(other.id, "Keepers");
      expect(await removeFromCollection(other.id, ["gen_c4"])).toEqual({ removed: 1 });
      await deleteCollection(best.id);
      await expect(deleteCollection(best.id)).rejects.toThrow(/collections\.gone/);
      expect(await getDb().generation.count()).toBe(4);
      expect((await listCollections()).map((c) => [c.name, c.count])).toEqual([["Keepers", 1]]);
    });
  });
}

describe("collections in an imported archive", () => {
  const row = (id: string, name: string, generationIds: string[]) => ({
    id,
    name,
    generationIds,
    createdAt: new Date(base),
    updatedAt: new Date(base),
  });
  const existing = {
    collectionIds: new Set(["col_here"]),
    collectionIdsByName: new Map([["Here", "col_here"]]),
  };

  it("joins a collection of the same name and adds only new generations", () => {
    const plan = planCollections(
      [row("col_other", "Here", ["gen_a", "gen_b"]), row("col_new", "New", ["gen_b"])],
      new Set(["gen_a", "gen_b"]),
      new Set(["gen_b"]),
      existing,
    );
    expect(plan.created.map((c) => c.id)).toEqual(["col_new"]);
    expect(plan.items).toEqual([
      { collectionId: "col_here", generationId: "gen_b" },
      { collectionId: "col_new", generationId: "gen_b" },
    ]);
  });

  it("refuses members the archive does not bring", async () => {
    const refusal = await refusalInEnglish(() =>
      planCollections([row("col_x", "X", ["gen_z"])], new Set(["gen_a"]), new Set(), existing),
    );
    expect(refusal).toBe(
      "Collection “X” names gen_z, which it does not bring. Nothing was imported.",
    );
  });
});
