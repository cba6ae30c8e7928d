import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import {
  queryTestDatabase,
  type TestDatabase,
  type TestDatabaseProvider,
  testPostgresUrl,
  useTestDatabase,
} from "../helpers/db-test-env";

const cases: { provider: TestDatabaseProvider; skip: boolean }[] = [
  { provider: "sqlite", skip: false },
  { provider: "postgres", skip: testPostgresUrl() === undefined },
];

for (const { provider, skip } of cases) {
  describe.skipIf(skip)(`getDb on ${provider}`, () => {
    let db: TestDatabase | undefined;
    beforeAll(async () => {
      db = await useTestDatabase(provider);
    });
    afterAll(async () => {
      await db?.cleanup();
    });

    it("creates and reads a Generation with its References", async () => {
      const id = newId("gen");
      const submittedAt = new Date("2025-01-02T03:04:05.678Z");
      await getDb().generation.create({
        data: {
          id,
          prompt: "A fox in <<<image_1>>> walks toward <<<image_2>>>",
          mode: "pro",
          duration: "5",
          status: "queued",
          submittedAt,
          durationSeconds: 5.04,
          references: {
            create: [
              { id: newId("ref"), kind: "image", position: 1, mediaPath: "uploads/b.png" },
              { id: newId("ref"), kind: "image", position: 0, imageType: "first_frame" },
              {
                id: newId("ref"),
                kind: "element",
                position: 0,
                elementId: "831718418463064064",
                keepOriginalSound: true,
              },
            ],
          },
        },
      });

      const read = await getDb().generation.findUniqueOrThrow({
        where: { id },
        include: { references: { orderBy: [{ kind: "asc" }, { position: "asc" }] } },
      });
      expect(read).toMatchObject({
        prompt: "A fox in <<<image_1>>> walks toward <<<image_2>>>",
        mode: "pro",
        aspectRatio: null,
        checkAttempts: 0,
        durationSeconds: 5.04,
        submittedAt,
      });
      expect(read.createdAt).toBeInstanceOf(Date);
      expect(read.references.map((ref) => [ref.kind, ref.position, ref.imageType])).toEqual([
        ["element", 0, null],
        ["image", 0, "first_frame"],
        ["image", 1, null],
      ]);
      expect(read.references[0]).toMatchObject({
        elementId: "831718418463064064",
        keepOriginalSound: true,
      });
    });

    it("cascades References and unlinks children when a Generation goes", async () => {
      const parentId = newId("gen");
      const base = { mode: "std", duration: "5", status: "succeeded", prompt: "p" };
      await getDb().generation.create({
        data: {
          ...base,
          id: parentId,
          references: { create: { id: newId("ref"), kind: "image", position: 0 } },
        },
      });
      const childId = newId("gen");
      await getDb().generation.create({
        data: { ...base, id: childId, parentId, parentKind: "remix" },
      });

      await getDb().generation.delete({ where: { id: parentId } });
      expect(await getDb().reference.count({ where: { generationId: parentId } })).toBe(0);
      const child = await getDb().generation.findUniqueOrThrow({ where: { id: childId } });
      expect(child.parentId).toBeNull();
    });

    it("returns one client per process until disconnected", async () => {
      const first = getDb();
      expect(getDb()).toBe(first);
      await disconnectDb();
      const second = getDb();
      expect(second).not.toBe(first);
      expect(await second.generation.count()).toBeGreaterThan(0);
    });

    it.runIf(provider === "sqlite")("keeps the SQLite file in WAL mode", async () => {
      getDb();
      const [row] = await queryTestDatabase<{ journal_mode: string }>("PRAGMA journal_mode");
      expect(row?.journal_mode).toBe("wal");
    });
  });
}
