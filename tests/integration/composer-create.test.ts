import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/uploads/route";
import { getDb } from "@/lib/db/client";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { buildCreateTaskInput } from "@/lib/worker/build-create-input";
import { useTestDatabase } from "../helpers/db-test-env";
import { refusalInEnglish } from "../helpers/say-english";
import { type SimulatorWithMedia, startSimulatorWithMedia } from "../helpers/simulator-with-media";
import { sayInEnglish } from "../unit/say-in";

/**
 * The server side of Generate with references: facts from Upload rows (never the
 * browser's), forged ids refused, one atomic insert, and the exact body the provider gets.
 * The cases share one database but each makes the rows it reads, so any one runs alone.
 */
const KEY = "sk-test-composer";
let sim: SimulatorWithMedia;
let simulator: SimulatorWithMedia["simulator"];
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let mediaDir: string;
const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures", name));

beforeAll(async () => {
  sim = await startSimulatorWithMedia({ key: KEY, speed: 0.02 });
  ({ simulator, mediaDir } = sim);
  process.env.COMETAPI_KEY = KEY;
  process.env.COMETAPI_BASE_URL = simulator.baseUrl;
  process.env.MEDIA_DIR = mediaDir;
  database = await useTestDatabase("sqlite");
  resetEnvForTests();
});

afterEach(async () => {
  await fetch(`${simulator.baseUrl}/__sim/requests`, { method: "DELETE" });
  delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
});

afterAll(async () => {
  await database.cleanup();
  await sim.close();
  for (const name of ["COMETAPI_KEY", "COMETAPI_BASE_URL", "MEDIA_DIR"]) delete process.env[name];
  resetEnvForTests();
});

async function uploadFixture(name: string): Promise<{ id: string }> {
  const response = await POST(
    new Request("http://studio.test/api/uploads", {
      method: "POST",
      body: fixture(name),
      headers: { "x-file-name": name },
    }),
  );
  return response.json();
}

const image = (id: string, uploadId: string, facts = {}) => ({
  id,
  kind: "image" as const,
  name: `${id}.png`,
  source: "upload" as const,
  uploadId,
  frame: null,
  facts,
});

/** A video Upload row as the upload route would have stored it (no file needed here). */
function insertVideoUpload(id: string) {
  return getDb().upload.create({
    data: {
      id,
      kind: "video",
      mediaPath: `uploads/${id}.mp4`,
      mimeType: "video/mp4",
      bytes: 1000,
      sha256: "x",
      width: 1280,
      height: 720,
      durationSeconds: 5,
      fps: 24,
    },
  });
}

async function generationCount() {
  return {
    generations: await getDb().generation.count(),
    references: await getDb().reference.count(),
  };
}

describe("createGeneration with references", () => {
  it("takes facts from the Upload rows, inserts the references and sends lists in token order", async () => {
    const blue = await uploadFixture("ref-blue.png");
    const orange = await uploadFixture("ref-orange.jpg");
    await getDb().element.create({
      data: { id: "el_test1", name: "Cat", elementId: "823456789012345678" },
    });
    const created = await createGeneration({
      prompt: "<<<image_1>>> meets <<<element_1>>> beside <<<image_2>>>",
      mode: "pro",
      aspectRatio: "16:9",
      duration: "7",
      // The browser claims absurd facts; the server must use its own.
      // Reordered in the tray: the stable names stay with the images, not the positions.
      images: [
        {
          ...image("ref_a", orange.id, { width: 1, height: 1, mimeType: "image/gif" }),
          label: "Image 2",
        },
        { ...image("ref_b", blue.id), label: "Image 1" },
      ],
      elements: [
        { id: "ref_c", kind: "element", name: "Forged name", elementId: "823456789012345678" },
      ],
      videos: [],
    });
    expect(created.status).toBe("submitted");
    const row = await getDb().generation.findUniqueOrThrow({
      where: { id: created.id },
      include: { references: true },
    });
    expect(row.estimatedCostUsd).toBeCloseTo(0.112 * 7);
    const refs = [...row.references].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.position - b.position,
    );
    expect(
      refs.map((r) => [r.kind, r.position, r.width, r.mimeType, r.elementName, r.label]),
    ).toEqual([
      ["element", 0, null, null, "Cat", null],
      ["image", 0, 480, "image/jpeg", null, "Image 2"],
      ["image", 1, 320, "image/png", null, "Image 1"],
    ]);
    const log = await (await fetch(`${simulator.baseUrl}/__sim/requests`)).json();
    const body = log.creates[0] as Record<string, unknown>;
    expect(body).toMatchObject({
      model_name: "kling-video-o1",
      prompt: "<<<image_1>>> meets <<<element_1>>> beside <<<image_2>>>",
      mode: "pro",
      aspect_ratio: "16:9",
      duration: "7",
      image_list: [
        { image_url: fixture("ref-orange.jpg").toString("base64") },
        { image_url: fixture("ref-blue.png").toString("base64") },
      ],
      external_task_id: created.id,
    });
    // 823456789012345678 is past 2^53: the simulator's JSON.parse rounds it, but the
    // body went out as the exact integer (checked in the unit tests of the body builder).
    expect(body.element_list).toHaveLength(1);
  });

  it("refuses forged upload ids and unknown elements, writing nothing", async () => {
    const before = await generationCount();
    const attempt = createGeneration({
      prompt: "<<<image_1>>> and <<<element_1>>>",
      mode: "std",
      aspectRatio: "1:1",
      duration: "5",
      images: [image("ref_x", "up_0000000000forged000000")],
      elements: [{ id: "ref_y", kind: "element", name: "Ghost", elementId: "42" }],
      videos: [],
    });
    await expect(saidInEnglish(attempt)).resolves.toMatchObject({
      code: "invalid_input",
      fieldErrors: {
        ref_x: [
          "Image 1: the studio has no such uploaded image. Remove it and add the file again.",
        ],
        ref_y: [
          'Element 1 (Ghost) is not in the element library. Add it with "Add element" first.',
        ],
      },
    });
    expect(await generationCount()).toEqual(before);
  });

  it("refuses links that are not https or that the studio will not fetch, writing nothing", async () => {
    const before = await generationCount();
    const link = (id: string, url: string) => ({
      id,
      kind: "image" as const,
      name: `${id}.png`,
      source: "url" as const,
      url,
      frame: null,
      facts: { width: 1280, height: 720 },
    });
    const attempt = createGeneration({
      prompt: "<<<image_1>>> meets <<<image_2>>>",
      mode: "std",
      aspectRatio: "1:1",
      duration: "5",
      images: [link("ref_h", "http://example.com/a.png"), link("ref_p", "https://127.0.0.1/b.png")],
      elements: [],
      videos: [],
    });
    await expect(saidInEnglish(attempt)).resolves.toMatchObject({
      code: "invalid_input",
      fieldErrors: {
        ref_h: ["Image 1: a link must be a full https:// address the provider can reach."],
        ref_p: [expect.stringMatching(/^Image 2: ./)],
      },
    });
    expect(await generationCount()).toEqual(before);
  });

  it("judges the stored measures, not the browser's claim", async () => {
    // A row as if an older, laxer studio had stored a 200×200 image.
    await getDb().upload.create({
      data: {
        id: "up_tinyimage000001",
        kind: "image",
        mediaPath: "uploads/up_tinyimage000001.png",
        mimeType: "image/png",
        bytes: 705,
        sha256: "x",
        width: 200,
        height: 200,
      },
    });
    await expect(
      saidInEnglish(
        createGeneration({
          prompt: "<<<image_1>>> dancing",
          mode: "std",
          aspectRatio: "1:1",
          duration: "5",
          images: [image("ref_t", "up_tinyimage000001", { width: 4000, height: 4000 })],
          elements: [],
          videos: [],
        }),
      ),
    ).resolves.toMatchObject({
      fieldErrors: {
        ref_t: [expect.stringContaining("200×200 px; each side must be at least 300 px")],
      },
    });
  });

  it("refuses an uploaded video when the studio is not publicly reachable (not demo mode)", async () => {
    const clip = await insertVideoUpload("up_clip00000000001");
    await expect(
      saidInEnglish(
        createGeneration({
          prompt: "Restyle <<<video_1>>>",
          mode: "std",
          aspectRatio: "16:9",
          duration: "5",
          images: [],
          elements: [],
          videos: [
            {
              id: "ref_v",
              kind: "video",
              name: "clip.mp4",
              source: "upload",
              uploadId: clip.id,
              referType: "feature",
              keepOriginalSound: false,
            },
          ],
        }),
      ),
    ).resolves.toMatchObject({
      fieldErrors: { ref_v: [expect.stringContaining("not reachable from the internet")] },
    });
  });

  it("writes a generation and its references all or nothing", async () => {
    const blue = await uploadFixture("ref-blue.png");
    const file = getEnv().database;
    if (file.provider !== "sqlite") throw new Error("sqlite expected");
    const raw = new Database(file.filePath);
    raw.exec(
      `CREATE TRIGGER fail_ref BEFORE INSERT ON "Reference" WHEN NEW.name = 'boom.png' BEGIN SELECT RAISE(ABORT, 'boom'); END;`,
    );
    try {
      const before = await generationCount();
      await expect(
        createGeneration({
          prompt: "<<<image_1>>> <<<image_2>>>",
          mode: "std",
          aspectRatio: "1:1",
          duration: "5",
          images: [image("ref_ok", blue.id), { ...image("ref_boom", blue.id), name: "boom.png" }],
          elements: [],
          videos: [],
        }),
      ).rejects.toThrow();
      expect(await generationCount()).toEqual(before);
    } finally {
      raw.exec("DROP TRIGGER fail_ref;");
      raw.close();
    }
  });

  it("buildCreateTaskInput sends uploads as the studio's URLs when PUBLIC_BASE_URL is public", async () => {
    const blue = await uploadFixture("ref-blue.png");
    const clip = await insertVideoUpload("up_clip00000000002");
    const row = await getDb().generation.create({
      data: {
        id: "gen_buildinput0001",
        prompt: "<<<image_1>>> in <<<video_1>>>",
        mode: "std",
        aspectRatio: null,
        duration: "5",
        status: "submitting",
        references: {
          create: [
            {
              id: "ref_bi1",
              kind: "image",
              position: 0,
              imageType: "first_frame",
              mediaPath: `uploads/${blue.id}.png`,
              uploadId: blue.id,
            },
            {
              id: "ref_bi2",
              kind: "video",
              position: 0,
              referType: "feature",
              keepOriginalSound: true,
              mediaPath: clip.mediaPath,
              uploadId: clip.id,
            },
          ],
        },
      },
    });
    process.env.PUBLIC_BASE_URL = "https://studio.example.org";
    resetEnvForTests();
    expect(await buildCreateTaskInput(row)).toEqual({
      model: "kling-video-o1",
      prompt: "<<<image_1>>> in <<<video_1>>>",
      mode: "std",
      aspectRatio: undefined,
      duration: "5",
      images: [
        {
          image: expect.stringMatching(
            new RegExp(
              `^https://studio\\.example\\.org/api/provider-media/uploads/${blue.id}\\.png\\?expires=\\d+&sig=[\\w-]{43}$`,
            ),
          ),
          type: "first_frame",
        },
      ],
      videos: [
        {
          videoUrl: expect.stringMatching(
            /^https:\/\/studio\.example\.org\/api\/provider-media\/uploads\/up_clip00000000002\.mp4\?expires=\d+&sig=[\w-]{43}$/,
          ),
          referType: "feature",
          keepOriginalSound: true,
        },
      ],
    });
    process.env.PUBLIC_BASE_URL = "http://192.168.1.20:3000";
    resetEnvForTests();
    expect(await refusalInEnglish(buildCreateTaskInput(row))).toMatch(
      /not reachable from the internet/,
    );
  });
});

/** The refusal's field errors as an English reader gets them (runAction says them per request). */
async function saidInEnglish(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => {
      throw new Error("expected a refusal");
    },
    (refusal: { code: string; fieldErrors?: Record<string, string[]> }) => refusal,
  );
  const fieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => [
      field,
      messages.map(sayInEnglish),
    ]),
  );
  return { code: error.code, fieldErrors };
}
