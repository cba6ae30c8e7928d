import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/import/route";
import { getDb } from "@/lib/db/client";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { deleteGenerations } from "@/lib/history/delete-generations";
import { type TestDatabase, useTestDatabase } from "../helpers/db-test-env";
import { type MediaFixtures, makeMediaFixtures } from "../helpers/media-fixtures";
import { generationRow, manifest, writeArchive, zeros } from "./helpers/archives";
import { snapshotState } from "./helpers/state-snapshot";

/**
 * The archives the attack used, each sent to POST /api/import on a studio that already holds
 * someone's private generation and upload. Every one is refused, and the database file and
 * the media folder are byte-for-byte what they were.
 */
const saved = { ...process.env };
let db: TestDatabase;
let work: string;
let media: MediaFixtures;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "omni-import-hardening-"));
  media = await makeMediaFixtures(path.join(work, "fixtures"));
  process.env.MEDIA_DIR = path.join(work, "media");
  delete process.env.STUDIO_PASSWORD;
  delete process.env.IMPORT_MAX_BYTES;
  resetEnvForTests();
  db = await useTestDatabase("sqlite");
  // What the attack is after: a private generation with its files, and an uploaded picture.
  await put("results/gen_victim.mp4", media.video.bytes);
  await put("posters/gen_victim.jpg", media.poster.bytes);
  await put("uploads/up_victim.png", media.image.bytes);
  await getDb().generation.create({
    data: {
      ...generationRow("gen_victim"),
      createdAt: new Date(),
      updatedAt: new Date(),
      videoPath: "results/gen_victim.mp4",
      posterPath: "posters/gen_victim.jpg",
    } as never,
  });
  await getDb().upload.create({
    data: {
      id: "up_victim",
      kind: "image",
      mediaPath: "uploads/up_victim.png",
      mimeType: "image/png",
      bytes: media.image.bytes.length,
      sha256: media.image.sha256,
    },
  });
});
beforeEach(() => {
  delete process.env.IMPORT_MAX_BYTES;
  resetEnvForTests();
});
afterAll(async () => {
  await db.cleanup();
  process.env = saved;
  resetEnvForTests();
  await rm(work, { recursive: true, force: true });
});

async function put(relative: string, bytes: Buffer) {
  const file = path.join(process.env.MEDIA_DIR ?? "", relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

function state() {
  const database = getEnv().database;
  return snapshotState(database.provider === "sqlite" ? database.filePath : "", getEnv().mediaDir);
}

function post(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request("http://127.0.0.1:3000/api/import", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

async function importTmpLeftovers(): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((name) => name.startsWith("omni-import-"));
}

/** Posts the archive and expects a refusal that changed nothing, returning its message. */
async function refused(archive: string): Promise<string> {
  const before = state();
  const leftovers = await importTmpLeftovers();
  const response = await post(new Uint8Array(await readFile(archive)));
  const body = (await response.json()) as { error: string; code: string };
  expect(response.status, body.error).toBe(400);
  expect(body.code).toBe("invalid_input");
  expect(state()).toEqual(before);
  expect(await importTmpLeftovers()).toEqual(leftovers);
  return body.error;
}

const MP4_HEAD = Buffer.from(
  "\u0000\u0000\u0000\u0018ftypisom\u0000\u0000\u0002\u0000isomiso2",
  "latin1",
);

describe("refused imports change nothing", () => {
  it("a zip bomb: a few hundred KB that unpack to a 300 MB 'MP4' of zeros", async () => {
    const archive = await writeArchive(work, [
      {
        name: "manifest.json",
        bytes: manifest({
          generations: [generationRow("gen_bomb", { videoPath: "results/gen_bomb.mp4" })],
        }),
      },
      { name: "media/results/gen_bomb.mp4", stream: zeros(300 * 1024 * 1024, MP4_HEAD) },
    ]);
    expect((await readFile(archive)).length).toBeLessThan(1024 * 1024);
    expect(await refused(archive)).toMatch(/zip bomb/);
  }, 120_000); // unpacking is refused at a cap, but reaching the cap is CPU work on a busy machine

  it("a 40 MB manifest, refused from the zip's directory before it is read", async () => {
    const padded = Buffer.concat([
      manifest({}).subarray(0, -1),
      Buffer.alloc(40 * 1024 * 1024, 32),
      Buffer.from("}"),
    ]);
    const archive = await writeArchive(work, [{ name: "manifest.json", bytes: padded }]);
    expect(await refused(archive)).toMatch(/manifest\.json is larger than/);
  });

  it("a row with a status the studio does not know", async () => {
    const archive = await writeArchive(work, [
      {
        name: "manifest.json",
        bytes: manifest({ generations: [generationRow("gen_odd", { status: "exploded" })] }),
      },
    ]);
    expect(await refused(archive)).toMatch(/does not describe.*status/);
  });

  it.each([
    ["a share of a generation the archive does not bring", [], []],
    ["a share of a stand-in row for a generation already here", [generationRow("gen_victim")], []],
  ])("%s", async (_name, generations) => {
    const share = {
      id: "s".repeat(32),
      createdAt: "2026-12-01T00:00:00.000Z",
      generationId: "gen_victim",
      showRecipe: true,
      allowIndexing: true,
      revokedAt: null,
    };
    const archive = await writeArchive(work, [
      { name: "manifest.json", bytes: manifest({ generations, shares: [share] }) },
    ]);
    expect(await refused(archive)).toMatch(/share .*would publish/i);
  });

  it("a row that names another generation's files", async () => {
    const archive = await writeArchive(work, [
      {
        name: "manifest.json",
        bytes: manifest({
          generations: [
            generationRow("gen_thief", {
              videoPath: "results/gen_victim.mp4",
              posterPath: "posters/gen_victim.jpg",
            }),
          ],
        }),
      },
    ]);
    expect(await refused(archive)).toMatch(/does not hold/);
  });

  it("a reference to an upload already here that the archive does not bring", async () => {
    const archive = await writeArchive(work, [
      {
        name: "manifest.json",
        bytes: manifest({
          generations: [generationRow("gen_thief")],
          references: [
            {
              id: "ref_thief",
              generationId: "gen_thief",
              kind: "image",
              position: 0,
              imageType: null,
              elementId: null,
              elementName: null,
              name: null,
              referType: null,
              keepOriginalSound: null,
              mediaPath: "uploads/up_victim.png",
              sourceUrl: null,
              mimeType: "image/png",
              width: 640,
              height: 480,
              bytes: 1,
              durationSeconds: null,
              fps: null,
              uploadId: "up_victim",
            },
          ],
        }),
      },
    ]);
    expect(await refused(archive)).toMatch(/does not bring/);
  });

  it("media that is not what its row says (text as a result, a playlist as a picture)", async () => {
    const archive = await writeArchive(work, [
      {
        name: "manifest.json",
        bytes: manifest({
          generations: [generationRow("gen_fake", { videoPath: "results/gen_fake.mp4" })],
        }),
      },
      { name: "media/results/gen_fake.mp4", bytes: Buffer.from("#EXTM3U\nfile:///etc/passwd\n") },
    ]);
    expect(await refused(archive)).toMatch(/media\/results\/gen_fake\.mp4 was refused/);
    const broken = await writeArchive(work, [
      {
        name: "manifest.json",
        bytes: manifest({
          generations: [generationRow("gen_fake", { videoPath: "results/gen_fake.mp4" })],
        }),
      },
      {
        name: "media/results/gen_fake.mp4",
        bytes: Buffer.concat([MP4_HEAD, Buffer.alloc(4000, 7)]),
      },
    ]);
    expect(await refused(broken)).toMatch(/was refused/);
  });
});

describe("the request body", () => {
  it("is cut off as soon as it passes IMPORT_MAX_BYTES, and nothing is kept", async () => {
    process.env.IMPORT_MAX_BYTES = String(1024 * 1024);
    resetEnvForTests();
    // A body that starts like a real export and then never ends.
    const head = (
      await readFile(await writeArchive(work, [{ name: "manifest.json", bytes: manifest({}) }]))
    ).subarray(0, 64);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk =
          pulled === 0 ? Buffer.concat([head, Buffer.alloc(65_536 - 64)]) : Buffer.alloc(65_536);
        pulled += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
        if (pulled > 400 * 1024 * 1024) controller.close();
      },
    });
    const before = state();
    const leftovers = await importTmpLeftovers();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/too large/);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
    expect(state()).toEqual(before);
    expect(await importTmpLeftovers()).toEqual(leftovers);
  });

  it("is refused unread when its Content-Length is over the cap, or when it is no archive", async () => {
    process.env.IMPORT_MAX_BYTES = String(1024 * 1024);
    resetEnvForTests();
    let pulled = 0;
    // highWaterMark 0: the stream reads nothing ahead, so `pulled` is what the server asked for.
    const endless = () =>
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled += 65_536;
            controller.enqueue(new Uint8Array(65_536).fill(65));
            if (pulled > 50 * 1024 * 1024) controller.close();
          },
        },
        { highWaterMark: 0 },
      );
    const declared = await post(endless(), { "content-length": String(400 * 1024 * 1024) });
    expect(declared.status).toBe(400);
    expect(pulled).toBe(0);
    process.env.IMPORT_MAX_BYTES = String(1024 * 1024 * 1024);
    resetEnvForTests();
    const garbage = await post(endless());
    expect(((await garbage.json()) as { error: string }).error).toMatch(
      /not an Omni Studio history/,
    );
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});

describe("what an import may still do", () => {
  it("brings a generation with its files under its own names, never over another's", async () => {
    const archive = await writeArchive(work, [
      {
        name: "manifest.json",
        bytes: manifest({
          generations: [
            generationRow("gen_guest", {
              videoPath: "results/gen_victim.mp4",
              posterPath: "posters/gen_victim.jpg",
              status: "processing",
              providerTaskId: "123456789",
              callbackToken: "t".repeat(32),
            }),
          ],
        }),
      },
      { name: "media/results/gen_victim.mp4", bytes: media.uploadVideo.bytes, compress: false },
      { name: "media/posters/gen_victim.jpg", bytes: media.poster.bytes, compress: false },
    ]);
    const victimVideo = await readFile(path.join(getEnv().mediaDir, "results/gen_victim.mp4"));
    const response = await post(new Uint8Array(await readFile(archive)));
    expect(response.status, await response.clone().text()).toBe(200);
    const guest = await getDb().generation.findUnique({ where: { id: "gen_guest" } });
    expect(guest).toMatchObject({
      videoPath: "results/gen_guest.mp4",
      posterPath: "posters/gen_guest.jpg",
      videoSha256: media.uploadVideo.sha256,
      // History, not work: nothing is followed or sent again from this machine.
      status: "uncertain",
      callbackToken: null,
    });
    expect(await readFile(path.join(getEnv().mediaDir, "results/gen_victim.mp4"))).toEqual(
      victimVideo,
    );
    await deleteGenerations(["gen_guest"]);
    expect(await readFile(path.join(getEnv().mediaDir, "results/gen_victim.mp4"))).toEqual(
      victimVideo,
    );
  });
});

describe("deleting a generation", () => {
  it("never removes a file another row still names", async () => {
    const shared = "results/gen_shared_a.mp4";
    await put(shared, media.video.bytes);
    for (const id of ["gen_shared_a", "gen_shared_b"]) {
      await getDb().generation.create({
        data: {
          ...generationRow(id),
          createdAt: new Date(),
          updatedAt: new Date(),
          videoPath: shared,
        } as never,
      });
    }
    await deleteGenerations(["gen_shared_b"]);
    expect(await readFile(path.join(getEnv().mediaDir, shared))).toEqual(media.video.bytes);
    await deleteGenerations(["gen_shared_a"]);
    await expect(readFile(path.join(getEnv().mediaDir, shared))).rejects.toThrow();
  });
});
