import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getShareMedia } from "@/app/api/share-media/[shareId]/[kind]/route";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { deleteGenerations } from "@/lib/history/delete-generations";
import { getSharePage } from "@/lib/shares/get-share-page";
import { createShare, findLiveShare, revokeShare } from "@/lib/shares/share-repository";
import { type TestDatabase, testPostgresUrl, useTestDatabase } from "../helpers/db-test-env";

const providers = [
  { name: "sqlite" as const, skip: false },
  { name: "postgres" as const, skip: testPostgresUrl() === undefined },
];

for (const { name, skip } of providers) {
  describe.skipIf(skip)(`shares, revoke and delete on ${name}`, () => {
    let db: TestDatabase;
    let mediaDir: string;

    beforeAll(async () => {
      mediaDir = await mkdtemp(path.join(os.tmpdir(), "omni-share-media-"));
      process.env.MEDIA_DIR = mediaDir;
      db = await useTestDatabase(name);
    });
    afterAll(async () => {
      await db.cleanup();
      delete process.env.MEDIA_DIR;
      resetEnvForTests();
      await rm(mediaDir, { recursive: true, force: true });
    });

    async function seed(id: string, referencePath: string) {
      for (const rel of [`results/${id}.mp4`, `posters/${id}.jpg`, referencePath]) {
        await mkdir(path.dirname(path.join(mediaDir, rel)), { recursive: true });
        await writeFile(path.join(mediaDir, rel), `bytes of ${rel} `.repeat(20));
      }
      await getDb().generation.create({
        data: {
          id,
          prompt: "A fox <<<image_1>>>",
          mode: "std",
          duration: "5",
          status: "succeeded",
          videoPath: `results/${id}.mp4`,
          posterPath: `posters/${id}.jpg`,
          references: {
            create: [{ id: `ref_${id}`, kind: "image", position: 0, mediaPath: referencePath }],
          },
        },
      });
    }

    const media = (shareId: string, kind: string, headers: HeadersInit = {}) =>
      getShareMedia(new Request(`http://x/api/share-media/${shareId}/${kind}`, { headers }), {
        params: Promise.resolve({ shareId, kind }),
      });

    it("serves a live share's media with Range, and 404 after revoke", async () => {
      await seed("gen_a1", "uploads/shared.png");
      const share = await createShare({ generationId: "gen_a1", showRecipe: true });
      expect(share.id).toMatch(/^[0-9a-z]{32}$/);
      expect(share.path).toBe(`/s/${share.id}`);
      expect((await findLiveShare(share.id))?.generation.id).toBe("gen_a1");

      const ranged = await media(share.id, "video", { Range: "bytes=0-9" });
      expect(ranged.status).toBe(206);
      expect((await ranged.arrayBuffer()).byteLength).toBe(10);
      expect((await media(share.id, "poster")).status).toBe(200);
      expect((await media(share.id, "../../etc")).status).toBe(404);
      expect((await media("a".repeat(32), "video")).status).toBe(404);

      await revokeShare(share.id);
      expect(await findLiveShare(share.id)).toBeNull();
      expect((await media(share.id, "video")).status).toBe(404);
      await expect(revokeShare(share.id)).rejects.toThrow(/galleryErrors\.noSuchLink/);
    });

    it("shows a registered element's thumbnail in a shared recipe, and only there", async () => {
      await seed("gen_e1", "uploads/e1.png");
      await mkdir(path.join(mediaDir, "uploads"), { recursive: true });
      await writeFile(path.join(mediaDir, "uploads/harbor.png"), "harbor thumbnail bytes");
      await getDb().element.create({
        data: {
          id: "el_h",
          name: "Harbor",
          elementId: "7301",
          thumbnailPath: "uploads/harbor.png",
        },
      });
      await getDb().reference.create({
        data: {
          id: "ref_e1_el",
          generationId: "gen_e1",
          kind: "element",
          position: 0,
          elementId: "7301",
          elementName: "Harbor",
        },
      });
      const recipe = await createShare({ generationId: "gen_e1", showRecipe: true });
      const page = await getSharePage(recipe.id);
      const chip = page?.recipe?.references.find((ref) => ref.kind === "element");
      expect(chip?.thumbnailUrl).toBe(`/api/share-media/${recipe.id}/ref_e1_el`);
      const served = await media(recipe.id, "ref_e1_el");
      expect(served.status).toBe(200);
      expect(await served.text()).toBe("harbor thumbnail bytes");

      // Without the recipe, neither the chip nor the file is public.
      const plain = await createShare({ generationId: "gen_e1", showRecipe: false });
      expect((await getSharePage(plain.id))?.recipe).toBeNull();
      expect((await media(plain.id, "ref_e1_el")).status).toBe(404);
    });

    it("refuses to share a generation without a video", async () => {
      await getDb().generation.create({
        data: { id: "gen_run", prompt: "p", mode: "std", duration: "5", status: "processing" },
      });
      await expect(createShare({ generationId: "gen_run" })).rejects.toThrow(
        /galleryErrors\.onlyFinishedShared/,
      );
    });

    it("delete cascades to shares and removes files no one else uses", async () => {
      await seed("gen_b1", "uploads/common.png");
      await seed("gen_b2", "uploads/common.png");
      const share = await createShare({ generationId: "gen_b1" });
      expect((await media(share.id, "video")).status).toBe(200);

      expect(await deleteGenerations(["gen_b1"])).toEqual({ deleted: 1 });
      expect((await media(share.id, "video")).status).toBe(404);
      expect(await getDb().share.count({ where: { id: share.id } })).toBe(0);
      expect(await getDb().reference.count({ where: { generationId: "gen_b1" } })).toBe(0);
      expect(existsSync(path.join(mediaDir, "results/gen_b1.mp4"))).toBe(false);
      expect(existsSync(path.join(mediaDir, "posters/gen_b1.jpg"))).toBe(false);
      // Still used by gen_b2.
      expect(existsSync(path.join(mediaDir, "uploads/common.png"))).toBe(true);

      await deleteGenerations(["gen_b2", "gen_missing"]);
      expect(existsSync(path.join(mediaDir, "uploads/common.png"))).toBe(false);
      expect(existsSync(path.join(mediaDir, "results/gen_b2.mp4"))).toBe(false);
    });
  });
}
