import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { parseGalleryFilters } from "@/lib/gallery/gallery-filters";
import { getGalleryNeighbors } from "@/lib/gallery/gallery-neighbors";
import { getGalleryStats } from "@/lib/gallery/gallery-stats";
import { getGenerationDetail } from "@/lib/gallery/get-generation-detail";
import { listGalleryPage } from "@/lib/gallery/list-gallery";
import { type TestDatabase, testPostgresUrl, useTestDatabase } from "../helpers/db-test-env";

const providers = [
  { name: "sqlite" as const, skip: false },
  { name: "postgres" as const, skip: testPostgresUrl() === undefined },
];

for (const { name, skip } of providers) {
  describe.skipIf(skip)(`gallery query on ${name}`, () => {
    let db: TestDatabase;
    const base = Date.parse("2026-03-01T12:00:00Z");

    beforeAll(async () => {
      db = await useTestDatabase(name);
      // 30 rows, one hour apart; every third is pro, every fifth failed; three share a timestamp.
      for (let i = 0; i < 30; i++) {
        const createdAt = new Date(i >= 27 ? base + 26 * 3600_000 : base + i * 3600_000);
        await getDb().generation.create({
          data: {
            id: `gen_${String(i).padStart(3, "0")}`,
            createdAt,
            prompt: i % 4 === 0 ? `A Red fox number ${i}` : `A calm lake number ${i}`,
            mode: i % 3 === 0 ? "pro" : "std",
            // Every tenth is Kling 3.0 Omni; the rest take the column's default, O1.
            ...(i % 10 === 0 ? { model: "kling-v3-omni" } : {}),
            aspectRatio: i % 2 === 0 ? "16:9" : "9:16",
            duration: "5",
            status: i % 5 === 0 ? "failed" : "succeeded",
            estimatedCostUsd: 0.5,
            favorite: i % 7 === 0,
            ...(i % 6 === 0
              ? { references: { create: [{ id: `ref_${i}`, kind: "image", position: 0 }] } }
              : {}),
          },
        });
      }
    });
    afterAll(async () => {
      await db.cleanup();
    });

    async function collect(search: string, limit = 7) {
      const filters = parseGalleryFilters(new URLSearchParams(search));
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listGalleryPage(filters, cursor, limit);
        ids.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    }

    it("pages through every row once, newest first, ties broken by id", async () => {
      const ids = await collect("");
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(ids.slice(0, 4)).toEqual(["gen_029", "gen_028", "gen_027", "gen_026"]);
      expect(ids.at(-1)).toBe("gen_000");
      const oldest = await collect("sort=oldest", 4);
      expect(oldest).toEqual([...ids].reverse());
    });

    it("filters by status, mode, aspect, favorites, references and text", async () => {
      expect(await collect("status=failed")).toEqual([
        "gen_025",
        "gen_020",
        "gen_015",
        "gen_010",
        "gen_005",
        "gen_000",
      ]);
      expect((await collect("mode=pro&aspect=16:9")).length).toBe(5);
      expect(await collect("model=kling-v3-omni")).toEqual(["gen_020", "gen_010", "gen_000"]);
      expect((await collect("model=kling-video-o1")).length).toBe(27);
      expect(await collect("fav=1")).toEqual([
        "gen_028",
        "gen_021",
        "gen_014",
        "gen_007",
        "gen_000",
      ]);
      expect(await collect("refs=with")).toEqual([
        "gen_024",
        "gen_018",
        "gen_012",
        "gen_006",
        "gen_000",
      ]);
      expect((await collect("refs=without")).length).toBe(25);
      // Case-insensitive on both databases.
      expect((await collect("q=red%20FOX")).length).toBe(8);
    });

    it("filters by whole UTC days and ignores malformed parameters", async () => {
      // base is 12:00 on 03-01: rows 0..11 fall on 03-01, 12..26 (and the ties) later.
      expect((await collect("from=2026-03-01&to=2026-03-01")).length).toBe(12);
      expect((await collect("status=exploded&mode=ultra&from=yesterday")).length).toBe(30);
    });

    it("finds the previous and next generation in the gallery's order, under its filters", async () => {
      const all = await collect("");
      const at = (search: string, id: string) =>
        getGalleryNeighbors(id, parseGalleryFilters(new URLSearchParams(search)));
      // Newest first: previous is the newer neighbour, next the older one.
      expect(await at("", "gen_020")).toEqual({ previousId: "gen_021", nextId: "gen_019" });
      // The three rows sharing a timestamp are ordered by id, both ways.
      expect(await at("", all[1] ?? "")).toEqual({ previousId: all[0], nextId: all[2] });
      expect(await at("", all[0] ?? "")).toEqual({ previousId: null, nextId: all[1] });
      expect(await at("", all.at(-1) ?? "")).toEqual({ previousId: all.at(-2), nextId: null });
      expect(await at("sort=oldest", "gen_020")).toEqual({
        previousId: "gen_019",
        nextId: "gen_021",
      });
      // Under a filter, the neighbours are the filtered list's.
      expect(await at("status=failed", "gen_015")).toEqual({
        previousId: "gen_020",
        nextId: "gen_010",
      });
      expect(await at("", "gen_missing")).toEqual({ previousId: null, nextId: null });
    });

    it("filters by the plain status groups: in progress covers every step before the end", async () => {
      await getDb().generation.create({
        data: {
          id: "gen_active",
          createdAt: new Date(base - 3600_000),
          prompt: "A heron in flight",
          mode: "std",
          duration: "5",
          status: "downloading",
        },
      });
      try {
        expect(await collect("status=active")).toEqual(["gen_active"]);
        expect(await collect("status=downloading")).toEqual(["gen_active"]);
        expect((await collect("status=succeeded")).length).toBe(24);
      } finally {
        await getDb().generation.delete({ where: { id: "gen_active" } });
      }
    });

    it("shows a registered element's thumbnail on its reference", async () => {
      await getDb().element.create({
        data: { id: "el_t", name: "Harbor", elementId: "7301", thumbnailPath: "uploads/h.png" },
      });
      await getDb().reference.create({
        data: {
          id: "ref_el",
          generationId: "gen_001",
          kind: "element",
          position: 0,
          elementId: "7301",
          elementName: "Harbor",
        },
      });
      const detail = await getGenerationDetail("gen_001");
      expect(detail?.references).toEqual([
        expect.objectContaining({
          kind: "element",
          label: "Harbor",
          thumbnailUrl: "/api/media/uploads/h.png",
        }),
      ]);
    });

    it("counts, favorites and estimated spend in the header", async () => {
      const stats = await getGalleryStats(parseGalleryFilters(new URLSearchParams("mode=pro")));
      expect(stats.total).toBe(30);
      expect(stats.failed).toBe(6);
      expect(stats.succeeded).toBe(24);
      expect(stats.favorites).toBe(5);
      expect(stats.matching).toBe(10);
      expect(stats.estimatedSpendUsd).toBe(12); // failed ones are not billed
    });
  });
}
