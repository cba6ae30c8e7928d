import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { exportHistoryStream } from "@/lib/history/export-history";
import { importHistoryArchive } from "@/lib/history/import-history";
import { useTestDatabase } from "../helpers/db-test-env";
import { type MediaFixtures, makeMediaFixtures } from "../helpers/media-fixtures";

let media: MediaFixtures;

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "omni-history-"));
  media = await makeMediaFixtures(path.join(work, "fixtures"));
});
afterAll(async () => {
  delete process.env.MEDIA_DIR;
  resetEnvForTests();
  await rm(work, { recursive: true, force: true });
});

async function useMachine(name: string) {
  process.env.MEDIA_DIR = path.join(work, name, "media");
  return useTestDatabase("sqlite");
}

async function put(rel: string, content: Buffer) {
  const file = path.join(process.env.MEDIA_DIR ?? "", rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

async function snapshot() {
  const db = getDb();
  return {
    generations: await db.generation.findMany({ orderBy: { id: "asc" } }),
    references: await db.reference.findMany({ orderBy: { id: "asc" } }),
    shots: await db.shot.findMany({ orderBy: { id: "asc" } }),
    shares: await db.share.findMany({ orderBy: { id: "asc" } }),
    uploads: await db.upload.findMany({ orderBy: { id: "asc" } }),
    elements: await db.element.findMany({ orderBy: { id: "asc" } }),
    collections: await db.collection.findMany({
      orderBy: { id: "asc" },
      include: { items: { select: { generationId: true }, orderBy: { generationId: "asc" } } },
    }),
  };
}

describe("export → import of the whole history", () => {
  it("moves rows and files to another machine without loss, idempotently", async () => {
    const source = await useMachine("a");
    // Real media, as the studio stores it: the import checks every file like an upload.
    await put("results/gen_p.mp4", media.video.bytes);
    await put("posters/gen_p.jpg", media.poster.bytes);
    await put("uploads/up_1.png", media.image.bytes);
    const db = getDb();
    const imageFacts = {
      mimeType: "image/png",
      bytes: media.image.bytes.length,
      width: media.image.width,
      height: media.image.height,
    };
    await db.upload.create({
      data: {
        id: "up_1",
        kind: "image",
        mediaPath: "uploads/up_1.png",
        sha256: media.image.sha256,
        ...imageFacts,
      },
    });
    await db.element.create({
      data: { id: "el_1", name: "Hero", elementId: "123456789012345678" },
    });
    await db.generation.create({
      data: {
        id: "gen_p",
        prompt: "A fox <<<image_1>>>\nIt runs",
        model: "kling-v3-omni",
        sound: "on",
        shotType: "customize",
        shots: {
          create: [
            { id: "shot_1", index: 1, prompt: "A fox <<<image_1>>>", duration: "3" },
            { id: "shot_2", index: 2, prompt: "It runs", duration: "2" },
          ],
        },
        mode: "pro",
        aspectRatio: "16:9",
        duration: "5",
        status: "succeeded",
        videoPath: "results/gen_p.mp4",
        posterPath: "posters/gen_p.jpg",
        videoBytes: media.video.bytes.length,
        videoSha256: media.video.sha256,
        width: media.video.width,
        height: media.video.height,
        durationSeconds: media.video.durationSeconds,
        providerTaskId: "task-1",
        batchId: "bat_1",
        favorite: true,
        estimatedCostUsd: 0.56,
        submittedAt: new Date("2026-01-01T00:00:01Z"),
        finishedAt: new Date("2026-01-01T00:01:00Z"),
        references: {
          create: [
            {
              id: "ref_1",
              kind: "image",
              position: 0,
              mediaPath: "uploads/up_1.png",
              uploadId: "up_1",
              ...imageFacts,
            },
          ],
        },
      },
    });
    await db.generation.create({
      data: {
        id: "gen_c",
        prompt: "Again",
        mode: "std",
        duration: "5",
        status: "failed",
        // A code the worker stores that is not an AppError code: exported, it must import.
        errorCode: "timed_out",
        errorMessage: "The provider did not finish in time.",
        parentId: "gen_p",
        parentKind: "remix",
      },
    });
    await db.share.create({
      data: { id: "s".repeat(32), generationId: "gen_p", showRecipe: true },
    });
    // A generation in two collections.
    await db.collection.create({
      data: {
        id: "col_best",
        name: "Best",
        items: { create: [{ generationId: "gen_p" }, { generationId: "gen_c" }] },
      },
    });
    await db.collection.create({
      data: { id: "col_foxes", name: "Foxes", items: { create: [{ generationId: "gen_p" }] } },
    });
    const before = await snapshot();
    expect(before.shots).toHaveLength(2);
    expect(before.collections.map((c) => c.items.length)).toEqual([2, 1]);

    const zipPath = path.join(work, "history.zip");
    await pipeline(
      Readable.fromWeb((await exportHistoryStream()) as WebReadableStream<Uint8Array>),
      createWriteStream(zipPath),
    );
    await source.cleanup();

    const target = await useMachine("b");
    const first = await importHistoryArchive(zipPath);
    expect(first.generations).toEqual({ imported: 2, skipped: 0 });
    expect(first.files.written).toBe(3);
    expect(await snapshot()).toEqual(before);
    expect(await readFile(path.join(process.env.MEDIA_DIR ?? "", "results/gen_p.mp4"))).toEqual(
      media.video.bytes,
    );

    const second = await importHistoryArchive(zipPath);
    expect(second.generations).toEqual({ imported: 0, skipped: 2 });
    expect(second.shares).toBe(0);
    expect(await snapshot()).toEqual(before);
    await target.cleanup();
  });

  it("refuses archives with unsafe paths or a bad manifest, writing nothing", async () => {
    const target = await useMachine("c");
    const manifest = {
      format: "omni-studio-history",
      version: 1,
      exportedAt: "2026-01-01T00:00:00Z",
      generations: [],
      references: [],
      shares: [],
      uploads: [],
      elements: [],
    };
    const traversal = await makeZip([
      ["manifest.json", JSON.stringify(manifest)],
      ["media/../../evil.txt", "x"],
    ]);
    await expect(importHistoryArchive(traversal)).rejects.toThrow(
      /galleryErrors\.(unsafePath|unreadableArchive)/,
    );
    expect(existsSync(path.join(work, "evil.txt"))).toBe(false);

    const bad = await makeZip([
      ["manifest.json", JSON.stringify({ ...manifest, generations: [{ id: 1 }] })],
    ]);
    await expect(importHistoryArchive(bad)).rejects.toThrow(/galleryErrors\.notAHistory/);
    const notFirst = await makeZip([
      ["media/results/a.mp4", "x"],
      ["manifest.json", JSON.stringify(manifest)],
    ]);
    await expect(importHistoryArchive(notFirst)).rejects.toThrow(/galleryErrors\.manifestFirst/);
    await writeFile(path.join(work, "junk.zip"), "not a zip");
    await expect(importHistoryArchive(path.join(work, "junk.zip"))).rejects.toThrow(
      /galleryErrors\.unreadableArchive/,
    );
    expect(await getDb().generation.count()).toBe(0);
    await target.cleanup();
  });
});

async function makeZip(entries: [string, string][]): Promise<string> {
  const zip = new yazl.ZipFile();
  // yazl validates names itself; the traversal case bypasses it the way a hostile tool would.
  for (const [name, content] of entries) {
    if (name.includes("..")) {
      zip.addBuffer(Buffer.from(content), "media/xx/xx/evil.txt");
    } else zip.addBuffer(Buffer.from(content), name);
  }
  zip.end();
  const file = path.join(work, `z-${Math.random().toString(36).slice(2)}.zip`);
  await pipeline(zip.outputStream, createWriteStream(file));
  if (entries.some(([name]) => name.includes(".."))) {
    // Rewrite the placeholder name in both headers to the hostile one (same length).
    const bytes = await readFile(file);
    const hostile = Buffer.from("media/../../evil.txt");
    const placeholder = Buffer.from("media/xx/xx/evil.txt");
    let at = bytes.indexOf(placeholder);
    while (at !== -1) {
      hostile.copy(bytes, at);
      at = bytes.indexOf(placeholder, at + 1);
    }
    await writeFile(file, bytes);
  }
  return file;
}
