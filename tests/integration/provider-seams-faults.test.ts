import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createGeneration } from "@/lib/generation-commands/create-generation";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import { renderTextVideo } from "@/lib/media/render-text-video";
import { queuePausedFor, resetQueuePause } from "@/lib/worker/queue-pause";
import { sayEnglish } from "@/tests/helpers/say-english";
import { useTestDatabase } from "../helpers/db-test-env";
import {
  type FakeProvider,
  klingEnvelope,
  klingError,
  type ScriptedReply,
  startFakeProvider,
} from "../helpers/fake-provider";
import { INPUT, runWorkerUntilSettled } from "./pipeline-helpers";

/**
 * Issue 9, points 3–5: what the studio does when the provider refuses a create, when a
 * result link has expired, and when the provider no longer has a task. The fake provider
 * answers from a script and records every request in order, so each case states exactly
 * which requests were sent (no create doubled or lost, no dead link retried blindly).
 */
const KEY = "sk-test-seams-faults-0123456789";
/** A new provider task id per case: the studio keeps task ids unique. */
let TASK = "";
let taskCounter = 878106484537192522n;
let provider: FakeProvider;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let mediaDir: string;
let mp4: Buffer;

beforeAll(async () => {
  mediaDir = mkdtempSync(path.join(tmpdir(), "omni-seams-media-"));
  Object.assign(process.env, {
    COMETAPI_KEY: KEY,
    MEDIA_DIR: mediaDir,
    WORKER_MIN_POLL_MS: "50",
  });
  database = await useTestDatabase("sqlite");
  resetEnvForTests();
  const clip = path.join(mediaDir, "clip.mp4");
  await renderTextVideo({ outPath: clip, text: "x", width: 320, height: 180, durationSeconds: 1 });
  mp4 = await readFile(clip);
});

/**
 * Each case starts clean: a fresh fake provider (no script left over from a failed case) and
 * no generation rows, since the worker acts on every due row, not only the case's own.
 */
beforeEach(async () => {
  taskCounter += 1n;
  TASK = taskCounter.toString();
  provider = await startFakeProvider();
  process.env.COMETAPI_BASE_URL = provider.baseUrl;
  resetEnvForTests();
  resetQueuePause();
  await getDb().reference.deleteMany();
  await getDb().generation.deleteMany();
});

afterEach(async () => {
  await provider.close();
});

afterAll(async () => {
  await database.cleanup();
  rmSync(mediaDir, { recursive: true, force: true });
  for (const name of ["COMETAPI_KEY", "COMETAPI_BASE_URL", "MEDIA_DIR", "WORKER_MIN_POLL_MS"]) {
    delete process.env[name];
  }
  resetEnvForTests();
});

const created = () => klingEnvelope({ task_id: TASK, task_status: "submitted", task_info: {} });
const succeeded = (file: string) =>
  klingEnvelope({
    task_id: TASK,
    task_status: "succeed",
    task_result: {
      videos: [{ id: "v1", url: `${provider.baseUrl}/files/${file}`, duration: "1" }],
    },
  });
const video = (): ScriptedReply => ({ headers: { "content-type": "video/mp4" }, bytes: mp4 });
const gone = (status: number): ScriptedReply => ({
  status,
  json: { error: { message: "link expired", type: "cdn", code: "" } },
});
const CREATE = "POST /kling/v1/videos/omni-video";
const query = () => `GET /kling/v1/videos/omni-video/${TASK}`;

/** Every request the fake provider received, as `METHOD path` without the query string. */
function sent(): string[] {
  return provider.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`);
}

async function generate(prompt: string) {
  return createGeneration({ ...INPUT, prompt });
}

describe("a create answered with Kling 5000 or 5001 is queued and sent again", () => {
  it.each([
    [500, 5000, /internal error \(Kling 5000\)/],
    [503, 5001, /maintenance \(Kling 5001\)/],
  ])("HTTP %i / %i → queued with a backoff, then one task", async (status, code, said) => {
    provider.reply(klingError(status, code, "try later"));
    const first = await generate(`Fault create ${code}`);
    expect(first.status).toBe("queued");
    expect(first.errorCode).toBe("provider_unavailable");
    expect(sayEnglish(first.errorMessage ?? "")).toMatch(said);
    expect(sayEnglish(first.errorMessage ?? "")).toMatch(/waits in the queue/);
    // The whole queue waits before the next create (how long: tests/unit/queue-backoff).
    expect(queuePausedFor()).toBeGreaterThan(0);
    expect(sent()).toEqual([CREATE]);

    resetQueuePause();
    provider.reply(created(), succeeded("a.mp4"), video());
    const [row] = await runWorkerUntilSettled([first.id]);
    expect(row?.status).toBe("succeeded");
    expect(sent()).toEqual([CREATE, CREATE, query(), "GET /files/a.mp4"]);
    const ids = provider.requests
      .filter((r) => r.method === "POST")
      .map((r) => (JSON.parse(r.bodyText) as { external_task_id: string }).external_task_id);
    expect(ids).toEqual([first.id, first.id]);
  });
});

describe("a create answered with Kling 5002 (upstream timeout)", () => {
  it("takes the ambiguous path: uncertain, never sent again", async () => {
    provider.reply(klingError(504, 5002, "upstream timeout"));
    const first = await generate("Fault create 5002");
    expect(first.status).toBe("uncertain");
    expect(first.errorCode).toBe("create_answer_lost");
    const [row] = await runWorkerUntilSettled([first.id]);
    expect(row?.status).toBe("uncertain");
    expect(row?.providerTaskId).toBeNull();
    expect(sent()).toEqual([CREATE]);
  });
});

describe("a create answered with Kling 1102 (resource pack used up)", () => {
  it("fails as a billing problem, not as a rate limit, and the queue does not pause", async () => {
    provider.reply(klingError(429, 1102, "resource pack exhausted"));
    const first = await generate("Fault create 1102");
    expect(first.status).toBe("failed");
    expect(first.errorCode).toBe("provider_billing");
    expect(sayEnglish(first.errorMessage ?? "")).toMatch(/^Billing problem: .*out of credit/);
    expect(sayEnglish(first.errorMessage ?? "")).not.toMatch(/rate/i);
    expect(queuePausedFor()).toBe(0);
    expect(sent()).toEqual([CREATE]);
  });
});

describe("an expired result link", () => {
  it.each([404, 403, 410])(
    "answered %i: the provider is asked again for a fresh link before any new download",
    async (status) => {
      provider.reply(created());
      const first = await generate(`Fault download ${status}`);
      provider.reply(succeeded("old.mp4"), gone(status), succeeded("fresh.mp4"), video());
      const [row] = await runWorkerUntilSettled([first.id]);
      expect(row?.status).toBe("succeeded");
      expect(row?.videoSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(sent()).toEqual([
        CREATE,
        query(),
        "GET /files/old.mp4",
        query(),
        "GET /files/fresh.mp4",
      ]);
    },
  );

  it("fails, saying so, only when the provider no longer has the task", async () => {
    provider.reply(created());
    const first = await generate("Fault download 404 then task gone");
    provider.reply(succeeded("old.mp4"), gone(404), klingError(404, 1203, "task not found"));
    const [row] = await runWorkerUntilSettled([first.id]);
    expect(row?.status).toBe("failed");
    expect(row?.errorCode).toBe("task_not_found");
    expect(sayEnglish(row?.errorMessage ?? "")).toMatch(
      /no longer has this task \(task not found\)/,
    );
    expect(sayEnglish(row?.errorMessage ?? "")).toMatch(
      /finished video can no longer be downloaded/,
    );
    expect(sent()).toEqual([CREATE, query(), "GET /files/old.mp4", query()]);
  });
});

describe("a query answered 'task not found'", () => {
  it("says so, asks once more after a pause, then fails saying the task is gone", async () => {
    provider.reply(created());
    const first = await generate("Fault query 1203");
    provider.reply(klingError(404, 1203, "task not found"));
    const worker = await import("@/lib/worker/sync-worker");
    const single = new worker.SyncWorker({ tickMs: 1_000_000, leaseMs: 10_000 });
    // Step the worker until it has asked once (the first check is due minPollMs after submission).
    for (let i = 0; i < 200 && provider.requests.length < 2; i++) {
      await single.tick();
      await single.drain();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const between = await findGenerationRow(first.id);
    expect(between?.status).toBe("submitted");
    expect(between?.errorCode).toBe("task_not_found");
    expect(sayEnglish(between?.errorMessage ?? "")).toMatch(
      /^Task not found: the provider has no task with this id/,
    );
    expect(sayEnglish(between?.errorMessage ?? "")).not.toMatch(/rejected the request/);

    provider.reply(klingError(404, 1203, "task not found"));
    const [row] = await runWorkerUntilSettled([first.id]);
    expect(row?.status).toBe("failed");
    expect(sayEnglish(row?.errorMessage ?? "")).toMatch(
      /no longer has this task: it answered "task not found" twice/,
    );
    expect(sent()).toEqual([CREATE, query(), query()]);
  });
});

describe("a hand-typed token that names no reference", () => {
  it("<<<image_0>>> with one image attached: refused on the server, naming it; nothing sent or written", async () => {
    const upload = await uploadRoute(
      new Request("http://studio.test/api/uploads", {
        method: "POST",
        body: readFileSync(path.resolve("tests/fixtures/ref-blue.png")),
        headers: { "x-file-name": "blue.png" },
      }),
    );
    const { id: uploadId } = (await upload.json()) as { id: string };
    const before = await getDb().generation.count();
    const attempt = createGeneration({
      ...INPUT,
      prompt: "<<<image_1>>> beside <<<image_0>>>",
      images: [
        { id: "ref_a", kind: "image", name: "blue.png", source: "upload", uploadId, frame: null },
      ],
      elements: [],
      videos: [],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("<<<image_0>>>"),
      fieldErrors: { prompt: [expect.stringContaining("<<<image_0>>>")] },
    });
    expect(await getDb().generation.count()).toBe(before);
    expect(sent()).toEqual([]);
  });
});
