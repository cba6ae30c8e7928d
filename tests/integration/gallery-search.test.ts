import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { migratePostgres } from "@/lib/db/migrate-postgres";
import { migrateSqlite } from "@/lib/db/migrate-sqlite";
import { readMigrationFiles, resolveMigrationsDir } from "@/lib/db/migration-files";
import { getEnv } from "@/lib/env";
import { parseGalleryFilters } from "@/lib/gallery/gallery-filters";
import { getGalleryStats } from "@/lib/gallery/gallery-stats";
import { listGalleryPage } from "@/lib/gallery/list-gallery";
import {
  queryTestDatabase,
  type TestDatabase,
  type TestDatabaseProvider,
  testPostgresUrl,
  useTestDatabase,
} from "../helpers/db-test-env";

const providers: { name: TestDatabaseProvider; skip: boolean }[] = [
  { name: "sqlite", skip: false },
  { name: "postgres", skip: testPostgresUrl() === undefined },
];

const base = Date.parse("2026-05-01T12:00:00Z");
const row = (n: number, prompt: string) => ({
  id: `gen_s${String(n).padStart(3, "0")}`,
  createdAt: new Date(base + n * 60_000),
  prompt,
  mode: "std",
  aspectRatio: "16:9",
  duration: "5",
  status: "succeeded",
});

async function found(query: string): Promise<string[]> {
  const page = await listGalleryPage(parseGalleryFilters(new URLSearchParams(query)), null, 50);
  return page.items.map((item) => item.id).sort();
}

for (const { name, skip } of providers) {
  describe.skipIf(skip)(`gallery full-text search on ${name}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await useTestDatabase(name);
      const prisma = getDb();
      await prisma.generation.create({ data: row(1, "A red fox runs through fresh snow") });
      await prisma.generation.create({ data: row(2, "붉은 여우가 눈밭을 달린다") });
      await prisma.generation.create({
        data: {
          ...row(3, "Waves <<<image_1>>> at dusk with <<<element_1>>>"),
          references: {
            create: [
              { id: "ref_s1", kind: "image", position: 0, name: "harbor-lights.png" },
              { id: "ref_s2", kind: "element", position: 0, elementName: "Captain" },
            ],
          },
        },
      });
      await prisma.generation.create({ data: row(4, "Foxes and lanterns over the river") });
    });
    afterAll(async () => {
      await db.cleanup();
    });

    it("finds words in any order, as prefixes, in English and Korean", async () => {
      expect(await found("q=fox red")).toEqual(["gen_s001"]);
      expect(await found("q=RED FOX")).toEqual(["gen_s001"]);
      expect(await found("q=fox")).toEqual(["gen_s001", "gen_s004"]);
      expect(await found("q=snow")).toEqual(["gen_s001"]);
      expect(await found("q=여우")).toEqual(["gen_s002"]);
      expect(await found("q=눈밭")).toEqual(["gen_s002"]);
      expect(await found("q=fox cat")).toEqual([]);
    });

    it("finds reference and element names", async () => {
      expect(await found("q=harbor")).toEqual(["gen_s003"]);
      expect(await found("q=captain dusk")).toEqual(["gen_s003"]);
    });

    it("counts matches with the other filters", async () => {
      const stats = await getGalleryStats(parseGalleryFilters(new URLSearchParams("q=fox")));
      expect(stats.matching).toBe(2);
      const none = await getGalleryStats(
        parseGalleryFilters(new URLSearchParams("q=fox&status=failed")),
      );
      expect(none.matching).toBe(0);
    });

    it("pages a common word in order, however many rows match", async () => {
      // More matches than the switch to walking the date index (gallery-where.ts, both databases).
      await getDb().generation.createMany({
        data: Array.from({ length: 2_100 }, (_, i) => ({
          ...row(100 + i, `Common meadow ${i % 2 === 0 ? "tulip" : "daisy"} ${i}`),
          id: `gen_m${String(i).padStart(4, "0")}`,
          status: i % 3 === 0 ? "failed" : "succeeded",
        })),
      });
      const filters = parseGalleryFilters(new URLSearchParams("q=meadow&status=failed"));
      const first = await listGalleryPage(filters, null, 5);
      expect(first.items.map((item) => item.id)).toEqual([
        "gen_m2097",
        "gen_m2094",
        "gen_m2091",
        "gen_m2088",
        "gen_m2085",
      ]);
      const second = await listGalleryPage(filters, first.nextCursor, 2);
      expect(second.items.map((item) => item.id)).toEqual(["gen_m2082", "gen_m2079"]);
      expect((await getGalleryStats(filters)).matching).toBe(700);
      expect(
        (await getGalleryStats(parseGalleryFilters(new URLSearchParams("q=meadow tulip"))))
          .matching,
      ).toBe(1_050);
      await getDb().generation.deleteMany({ where: { id: { startsWith: "gen_m" } } });
    });

    it("counts under status, model, mode, aspect and favorite from the index, kept in step with writes", async () => {
      const matching = async (query: string) =>
        (await getGalleryStats(parseGalleryFilters(new URLSearchParams(query)))).matching;
      // A date filter is no facet: that count goes through Generation, the reference answer.
      const throughRows = (query: string) => matching(`${query}&from=2000-01-01`);
      const queries = [
        "q=fox&status=succeeded",
        "q=fox&status=failed",
        "q=fox&status=active",
        "q=fox&fav=1",
        "q=fox&mode=pro",
        "q=fox&aspect=auto",
        "q=fox&aspect=16:9&model=kling-video-o1",
        "q=fox&model=kling-v3-omni",
      ];
      const both = async () =>
        Promise.all(queries.map(async (q) => [await matching(q), await throughRows(q)]));
      const before = await both();
      for (const [index, [fromIndex, fromRows]] of before.entries()) {
        expect(fromIndex, queries[index]).toBe(fromRows);
      }
      expect(before.map(([n]) => n)).toEqual([2, 0, 0, 0, 0, 0, 2, 0]);
      const prisma = getDb();
      await prisma.generation.update({
        where: { id: "gen_s001" },
        data: { status: "processing", favorite: true, mode: "pro", aspectRatio: null },
      });
      await prisma.generation.update({
        where: { id: "gen_s004" },
        data: { status: "failed", model: "kling-v3-omni" },
      });
      const after = await both();
      for (const [index, [fromIndex, fromRows]] of after.entries()) {
        expect(fromIndex, queries[index]).toBe(fromRows);
      }
      expect(after.map(([n]) => n)).toEqual([0, 1, 1, 1, 1, 1, 0, 1]);
      // The facets' words are not text: searching for one finds nothing.
      expect(await found("q=statusfailed")).toEqual([]);
      await prisma.generation.update({
        where: { id: "gen_s001" },
        data: { status: "succeeded", favorite: false, mode: "std", aspectRatio: "16:9" },
      });
      await prisma.generation.update({
        where: { id: "gen_s004" },
        data: { status: "succeeded", model: "kling-video-o1" },
      });
      expect((await both()).map(([n]) => n)).toEqual([2, 0, 0, 0, 0, 0, 2, 0]);
    });

    it("follows every write: prompt edits, reference changes, deletes", async () => {
      const prisma = getDb();
      await prisma.generation.update({
        where: { id: "gen_s004" },
        data: { prompt: "Owls and lanterns" },
      });
      expect(await found("q=fox")).toEqual(["gen_s001"]);
      expect(await found("q=owl")).toEqual(["gen_s004"]);
      await prisma.reference.delete({ where: { id: "ref_s1" } });
      expect(await found("q=harbor")).toEqual([]);
      await prisma.reference.create({
        data: {
          id: "ref_s3",
          generationId: "gen_s004",
          kind: "image",
          position: 0,
          name: "moon.png",
        },
      });
      expect(await found("q=moon")).toEqual(["gen_s004"]);
      await prisma.generation.delete({ where: { id: "gen_s004" } });
      expect(await found("q=moon")).toEqual([]);
      const docs = await queryTestDatabase<{ n: number | bigint }>(
        `SELECT COUNT(*) AS n FROM "SearchDoc" WHERE "generationId" = 'gen_s004'`,
      );
      expect(Number(docs[0]?.n)).toBe(0);
    });
  });

  describe.skipIf(skip)(`search migration on an existing ${name} database`, () => {
    let db: TestDatabase | undefined;
    afterEach(async () => {
      await db?.cleanup();
    });

    it("indexes the rows that were there before it", async () => {
      db = await useTestDatabase(name, { migrate: false });
      const files = await readMigrationFiles(resolveMigrationsDir(name));
      const cut = files.findIndex((file) => file.name.endsWith("_add_gallery_search"));
      expect(cut).toBeGreaterThan(0);
      const apply = async (subset: typeof files) => {
        const database = getEnv().database;
        if (database.provider === "sqlite") migrateSqlite(database.filePath, subset);
        else await migratePostgres(database.url, subset);
      };
      await apply(files.slice(0, cut));
      // Rows written by the studio before this migration existed.
      await getDb().$executeRawUnsafe(
        `INSERT INTO "Generation" ("id", "createdAt", "updatedAt", "prompt", "mode", "duration", "status")
         VALUES ('gen_old1', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00',
                 'An old lighthouse keeper waves', 'std', '5', 'succeeded')`,
      );
      await getDb().$executeRawUnsafe(
        `INSERT INTO "Reference" ("id", "generationId", "kind", "position", "name")
         VALUES ('ref_old1', 'gen_old1', 'image', 0, '등대지기.png')`,
      );
      await apply(files);
      expect(await found("q=keeper")).toEqual(["gen_old1"]);
      expect(await found("q=등대")).toEqual(["gen_old1"]);
      // The facets migration gave the old row its filter words: counted from the index.
      const stats = async (query: string) =>
        (await getGalleryStats(parseGalleryFilters(new URLSearchParams(query)))).matching;
      expect(await stats("q=keeper&status=succeeded&mode=std&aspect=auto")).toBe(1);
      expect(await stats("q=keeper&status=failed")).toBe(0);
      // The rebuilt triggers still fire for writes after the migrations.
      await getDb().$executeRawUnsafe(
        `UPDATE "Generation" SET "status" = 'failed' WHERE "id" = 'gen_old1'`,
      );
      expect(await stats("q=keeper&status=failed")).toBe(1);
      await getDb().$executeRawUnsafe(
        `UPDATE "Generation" SET "prompt" = 'A new keeper' WHERE "id" = 'gen_old1'`,
      );
      expect(await found("q=new keeper")).toEqual(["gen_old1"]);
    });
  });
}
