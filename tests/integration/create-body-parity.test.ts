import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { checkComposer } from "@/lib/composer/build-submission";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { validateCreateBody } from "@/lib/simulator/validate-create-body";
import { resetQueuePause } from "@/lib/worker/queue-pause";
import { useTestDatabase } from "../helpers/db-test-env";
import { type FakeProvider, klingEnvelope, startFakeProvider } from "../helpers/fake-provider";
import { checkKlingCreateBody } from "../helpers/kling-contract-checker";
import { composerFixtures, type Fixture, type FixtureMedia } from "./composer-body-fixtures";

/**
 * Parity (issue 9, point 8): every create body the composer's fixtures produce — checked in
 * the browser's way, sent through the real server path, captured raw at a fake provider —
 * passes a strict checker written from the contract doc, and the simulator accepts it too.
 * Known-bad bodies are refused by both, so neither check can pass by accepting everything.
 */
const ELEMENT_IDS = ["823456789012345678", "823456789012345679", "823456789012345680"];
let provider: FakeProvider;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let mediaDir: string;
let media: FixtureMedia | undefined;
const FIXTURES: Fixture[] = composerFixtures(() => {
  if (!media) throw new Error("uploads are not ready");
  return media;
});
let taskNumber = 878106484537100000n;
const bodies: { name: string; text: string }[] = [];

async function upload(bytes: Buffer, name: string): Promise<string> {
  const response = await uploadRoute(
    new Request("http://studio.test/api/uploads", {
      method: "POST",
      body: new Uint8Array(bytes),
      headers: { "x-file-name": name },
    }),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  provider = await startFakeProvider();
  mediaDir = mkdtempSync(path.join(tmpdir(), "omni-parity-"));
  Object.assign(process.env, {
    COMETAPI_KEY: "sk-test-parity-0123456789",
    COMETAPI_BASE_URL: provider.baseUrl,
    MEDIA_DIR: mediaDir,
    WORKER_MAX_IN_FLIGHT: "1000",
  });
  database = await useTestDatabase("sqlite");
  resetEnvForTests();
  resetQueuePause();
  const clipPath = path.join(mediaDir, "source.mp4");
  await renderTextVideo({
    outPath: clipPath,
    text: "ref",
    width: 1280,
    height: 720,
    durationSeconds: 3,
  });
  media = {
    elementIds: ELEMENT_IDS,
    png: await upload(readFileSync(path.resolve("tests/fixtures/ref-blue.png")), "blue.png"),
    jpg: await upload(readFileSync(path.resolve("tests/fixtures/ref-orange.jpg")), "orange.jpg"),
    clip: await upload(await readFile(clipPath), "clip.mp4"),
  };
  for (const [i, elementId] of ELEMENT_IDS.entries()) {
    await getDb().element.create({ data: { id: `el_parity${i}`, name: `Cat ${i}`, elementId } });
  }
}, 60_000);

afterAll(async () => {
  await database.cleanup();
  await provider.close();
  rmSync(mediaDir, { recursive: true, force: true });
  for (const name of [
    "COMETAPI_KEY",
    "COMETAPI_BASE_URL",
    "MEDIA_DIR",
    "WORKER_MAX_IN_FLIGHT",
    "PUBLIC_BASE_URL",
  ]) {
    delete process.env[name];
  }
  resetEnvForTests();
});

async function sendThroughStudio(fixture: Fixture): Promise<string> {
  const check = checkComposer(
    fixture.segments,
    fixture.refs(),
    {
      mode: "std",
      aspectRatio: fixture.aspectRatio,
      duration: fixture.duration,
      model: fixture.model,
      sound: fixture.sound,
    },
    { dropUnused: !fixture.sendUnused, storyboard: fixture.storyboard ?? null },
  );
  expect(check.issues, "the composer itself accepts the fixture").toEqual([]);
  taskNumber += 1n;
  provider.reply(klingEnvelope({ task_id: taskNumber.toString(), task_status: "submitted" }));
  const before = provider.requests.length;
  const created = await createGeneration(check.submission);
  expect(created.status).toBe("submitted");
  expect(provider.requests).toHaveLength(before + 1);
  return provider.requests.at(-1)?.bodyText ?? "";
}

describe.each([
  ["a private studio (images as base64)", undefined],
  ["a public studio (signed links, callbacks)", "https://studio.example.com"],
])("every composer fixture, from %s", (_where, publicBaseUrl) => {
  beforeAll(() => {
    if (publicBaseUrl) process.env.PUBLIC_BASE_URL = publicBaseUrl;
    else delete process.env.PUBLIC_BASE_URL;
    resetEnvForTests();
  });

  it.each(FIXTURES.filter((f) => publicBaseUrl || !f.video).map((f) => [f.name, f] as const))(
    "%s: passes the contract checker and the simulator",
    async (name, fixture) => {
      const text = await sendThroughStudio(fixture);
      bodies.push({ name, text });
      expect(checkKlingCreateBody(text)).toEqual([]);
      expect(validateCreateBody(JSON.parse(text))).toMatchObject({ ok: true });
    },
  );
});

describe("both checks refuse what the contract forbids", () => {
  const base = (name: string) => {
    const found = bodies.find((b) => b.name === name);
    if (!found) throw new Error(`no body for ${name}`);
    return JSON.parse(found.text) as Record<string, unknown>;
  };
  const STORY = "v3: custom storyboard, two images in different shots";
  const withShot = (index: number, change: Record<string, unknown>) => {
    const body = base(STORY);
    const shots = [...(body.multi_prompt as Record<string, unknown>[])];
    shots[index] = { ...shots[index], ...change };
    return { ...body, multi_prompt: shots };
  };
  const mutations: [string, () => Record<string, unknown>][] = [
    ["aspect_ratio beside a first frame", () => ({ ...base("first frame"), aspect_ratio: "16:9" })],
    ["an unknown field", () => ({ ...base("text only"), negative_prompt: "blur" })],
    [
      "<<<image_0>>> in the prompt",
      () => ({ ...base("one style image"), prompt: "<<<image_0>>> in the rain" }),
    ],
    [
      "a leading zero",
      () => ({ ...base("one style image"), prompt: "<<<image_01>>> in the rain" }),
    ],
    ["duration as a number", () => ({ ...base("text only"), duration: 5 })],
    ["2501 code points", () => ({ ...base("text only"), prompt: "🌊".repeat(2501) })],
    [
      "base64 with a data: prefix",
      () => {
        const body = base("one style image");
        const [first] = body.image_list as { image_url: string }[];
        return {
          ...body,
          image_list: [{ image_url: `data:image/png;base64,${first?.image_url}` }],
        };
      },
    ],
    [
      "an unknown image_list field",
      () => {
        const body = base("one style image");
        const [first] = body.image_list as { image_url: string }[];
        return { ...body, image_list: [{ ...first, name: "blue.png" }] };
      },
    ],
    ["sound for O1", () => ({ ...base("text only"), sound: "on" })],
    ["multi_shot for O1", () => ({ ...base("text only"), multi_shot: false })],
    ["16 s on v3", () => ({ ...base("v3: 12 s text only with sound"), duration: "16" })],
    ["11 s on O1", () => ({ ...base("one style image"), duration: "11" })],
    ["v3 sound on beside a video", () => ({ ...base("v3: style video, sound off"), sound: "on" })],
    ["shots not adding up", () => ({ ...base(STORY), duration: "11" })],
    ["a shot duration as a number", () => withShot(0, { duration: 4 })],
    ["a shot under 1 s", () => withShot(1, { duration: "0" })],
    ["a shot index out of order", () => withShot(1, { index: 3 })],
    ["a 513-character shot", () => withShot(1, { prompt: "字".repeat(513) })],
    ["a shot naming a missing image", () => withShot(1, { prompt: "<<<image_3>>> waves" })],
    ["customize without multi_prompt", () => ({ ...base(STORY), multi_prompt: undefined })],
    [
      "seven shots",
      () => {
        const body = base(STORY);
        const shots = Array.from({ length: 7 }, (_, i) => ({
          index: i + 1,
          prompt: "a",
          duration: "2",
        }));
        return { ...body, duration: "14", multi_prompt: shots };
      },
    ],
    [
      "intelligence without a prompt",
      () => ({ ...base("v3: Kling cuts the shots, 15 s"), prompt: undefined }),
    ],
    [
      "a storyboard beside a first frame",
      () => {
        const body = base(STORY);
        const [first, second] = body.image_list as Record<string, unknown>[];
        return {
          ...body,
          image_list: [{ ...first, type: "first_frame" }, second],
          aspect_ratio: undefined,
        };
      },
    ],
  ];

  it.each(mutations)("%s", (_name, mutate) => {
    const body = mutate();
    expect(checkKlingCreateBody(JSON.stringify(body)).length).toBeGreaterThan(0);
    expect(validateCreateBody(body).ok).toBe(false);
  });

  it("an element id sent as a string (the checker reads the raw JSON)", () => {
    const text = bodies.find((b) => b.name === "two images and an element")?.text ?? "";
    const quoted = text.replace(/"element_id":(\d+)/, '"element_id":"$1"');
    expect(quoted).not.toBe(text);
    expect(checkKlingCreateBody(quoted).join()).toMatch(/element_id/);
    expect(validateCreateBody(JSON.parse(quoted)).ok).toBe(false);
  });
});
