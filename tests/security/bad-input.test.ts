import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postCallback } from "@/app/api/callbacks/kling/[token]/route";
import { GET as getGenerationRoute } from "@/app/api/generations/[id]/route";
import { GET as getShareMedia } from "@/app/api/share-media/[shareId]/[kind]/route";
import { POST as postUpload } from "@/app/api/uploads/route";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { createShareAction } from "@/lib/actions/create-share";
import { revokeShareAction } from "@/lib/actions/revoke-share";
import { toggleFavoriteAction } from "@/lib/actions/toggle-favorite";
import { getDb } from "@/lib/db/client";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { resetSpendGuardForTests } from "@/lib/security/spend-guard";
import { TEXT_ONLY_INPUT } from "../fixtures/text-only-input";
import { type TestDatabase, useTestDatabase } from "../helpers/db-test-env";
import { makePng } from "./helpers/images";
import { internalsIn } from "./helpers/internals";
import { snapshotState } from "./helpers/state-snapshot";

/**
 * Hostile input against the actions and routes, called directly as Next would call them.
 * Every call must be refused with a message a person can read (never a stack, a path or
 * the key), and afterwards the database file and the media folder must be unchanged.
 */
const KEY = "sk-canary-bad-input-0123456789";
let db: TestDatabase;
let root: string;
let before: Record<string, string>;
const saved = { ...process.env };

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "omni-bad-input-"));
  process.env.MEDIA_DIR = path.join(root, "media");
  process.env.COMETAPI_KEY = KEY;
  process.env.COMETAPI_BASE_URL = "http://127.0.0.1:9";
  process.env.GENERATE_RATE_PER_MINUTE = "100000";
  process.env.UPLOAD_RATE_PER_MINUTE = "100000";
  delete process.env.STUDIO_PASSWORD;
  delete process.env.DAILY_BUDGET_USD;
  resetEnvForTests();
  resetSpendGuardForTests();
  db = await useTestDatabase("sqlite");
  await getDb().generation.count(); // open the file once, so the snapshot sees its settled state
  before = state();
});

afterAll(async () => {
  expect(state()).toEqual(before);
  await db.cleanup();
  process.env = saved;
  resetEnvForTests();
  resetSpendGuardForTests();
  rmSync(root, { recursive: true, force: true });
});

function state() {
  const database = getEnv().database;
  return snapshotState(database.provider === "sqlite" ? database.filePath : "", getEnv().mediaDir);
}

function expectCleanRefusal(
  result: { ok: boolean; error?: string; code?: string },
  message?: RegExp,
) {
  expect(result.ok).toBe(false);
  expect(result.error).toBeTypeOf("string");
  expect(result.error).not.toContain(KEY);
  expect(internalsIn(result.error ?? "", [root])).toEqual([]);
  if (message) expect(result.error).toMatch(message);
}

const valid = { ...TEXT_ONLY_INPUT, prompt: "A paper boat on a rainy street" };

describe("Generate refuses crafted payloads", () => {
  it.each<[string, unknown, RegExp]>([
    ["null", null, /fix|invalid|expected/i],
    ["a string", "make me a video", /fix|invalid|expected/i],
    ["a number", 42, /fix|invalid|expected/i],
    ["an array", [valid], /fix|invalid|expected/i],
    ["a numeric prompt", { ...valid, prompt: 123 }, /expected string|prompt/i],
    ["an empty prompt", { ...valid, prompt: "   " }, /fix|prompt/i],
    ["a prompt of 2 501 characters", { ...valid, prompt: "x".repeat(2501) }, /2501 characters/],
    ["a prompt of 1 MB", { ...valid, prompt: "x".repeat(1_000_000) }, /too long|fix/i],
    ["an unknown mode", { ...valid, mode: "ultra" }, /Standard or Pro/],
    ["a duration of 1e9", { ...valid, duration: "1e9" }, /duration/i],
    ["a numeric duration", { ...valid, duration: 5 }, /duration/i],
    ["a negative duration", { ...valid, duration: "-5" }, /duration/i],
    ["an Infinity duration", { ...valid, duration: Number.POSITIVE_INFINITY }, /finite/i],
    ["an aspect ratio with markup", { ...valid, aspectRatio: "16:9<script>" }, /16:9, 9:16 or 1:1/],
    ["a NUL in the prompt", { ...valid, prompt: "boat\u0000; rm -rf /" }, /control characters/],
    ["a lone surrogate", { ...valid, prompt: "boat \ud800 sea" }, /lone surrogate/],
    [
      "a right-to-left override",
      { ...valid, prompt: "boat \u202Eaes eht ni" },
      /direction-override/,
    ],
    ["a 50-level nested object", JSON.parse(`${'{"a":'.repeat(50)}1${"}".repeat(50)}`), /nested/],
    [
      "a forged upload id",
      {
        ...valid,
        images: [
          {
            id: "ref_x",
            kind: "image",
            name: "x.png",
            source: "upload",
            uploadId: "up_forged000000000000",
          },
        ],
      },
      /fix|upload|not found|no longer/i,
    ],
    [
      "an image URL at the metadata service",
      {
        ...valid,
        images: [
          {
            id: "ref_y",
            kind: "image",
            name: "m",
            source: "url",
            url: "http://169.254.169.254/latest/meta-data/",
          },
        ],
      },
      /fix|https|private|link/i,
    ],
    [
      "a malformed reference id",
      {
        ...valid,
        images: [{ id: "../../etc", kind: "image", name: "x", source: "upload", uploadId: "up_1" }],
      },
      /reference id/i,
    ],
    [
      "a remix of someone else's id",
      { ...valid, prompt: "", remixOf: "gen_../../x" },
      /fix|prompt/i,
    ],
  ])("refuses %s", async (_name, input, message) => {
    // Hostile on purpose: what a forged POST could carry, not what the types allow.
    expectCleanRefusal(await createGenerationAction(input as never), message);
  });
});

describe("other actions refuse forged ids and wrong types", () => {
  it.each<[string, () => Promise<{ ok: boolean; error?: string }>]>([
    [
      "revoking a share that is not ours",
      () => revokeShareAction("shr_someone_elses_share_id_123456"),
    ],
    ["revoking with a number", () => revokeShareAction(12345 as never)],
    ["revoking with an object", () => revokeShareAction({ $ne: null } as never)],
    [
      "sharing a generation that does not exist",
      () => createShareAction({ generationId: "gen_doesnotexist00000000" }),
    ],
    ["sharing with a wrong type", () => createShareAction("gen_x" as never)],
    [
      "favoriting a missing generation",
      () => toggleFavoriteAction({ id: "gen_nope000000000000", favorite: true }),
    ],
    [
      "favoriting with a string flag",
      () => toggleFavoriteAction({ id: "gen_x", favorite: "yes" } as never),
    ],
  ])("refuses %s", async (_name, call) => {
    expectCleanRefusal(await call());
  });
});

describe("routes refuse crafted requests", () => {
  const params = <T>(value: T) => ({ params: Promise.resolve(value) });

  it.each([
    ["an unknown generation", "gen_doesnotexist00000000"],
    ["a traversal-looking id", "../../etc/passwd"],
    ["a NUL id", "gen_\u0000"],
  ])("status route: 404 for %s", async (_name, id) => {
    const response = await getGenerationRoute(
      new Request("http://studio/api/generations/x"),
      params({ id }),
    );
    expect(response.status).toBe(404);
  });

  it.each([
    ["an unknown share", "shr_not_a_real_share_0000000000", "video"],
    [
      "someone else's share id with a path in kind",
      "shr_not_a_real_share_0000000000",
      "../../results/gen_a.mp4",
    ],
    ["an empty share id", "", "poster"],
  ])("share media: 404 for %s", async (_name, shareId, kind) => {
    const response = await getShareMedia(
      new Request("http://studio/api/share-media/x"),
      params({ shareId, kind }),
    );
    expect(response.status).toBe(404);
  });

  it.each<[string, BodyInit]>([
    [
      "a JSON body claiming success",
      JSON.stringify({
        task_id: "t1",
        task_status: "succeed",
        task_result: { videos: [{ url: "http://169.254.169.254/" }] },
      }),
    ],
    ["a non-JSON body", "<<<not json>>>"],
    ["a 5 MB body", "x".repeat(5 * 1024 * 1024)],
  ])("callback: an unknown token with %s changes nothing", async (_name, body) => {
    const response = await postCallback(
      new Request("http://studio/api/callbacks/kling/x", { method: "POST", body }),
      params({ token: "forged-token-0123456789abcdef" }),
    );
    expect(response.status).toBe(404);
  });

  it.each<[string, Buffer]>([
    ["text renamed as PNG", Buffer.from("this is just text, named photo.png")],
    ["a PNG bomb claiming 50000×50000", makePng(400, 400, { claim: [50000, 50000] })],
    ["a 1×10000 PNG", makePng(1, 10000)],
    ["a truncated PNG", makePng(400, 400).subarray(0, 60)],
  ])("upload: refuses %s with 4xx and leaves nothing", async (_name, bytes) => {
    const response = await postUpload(
      new Request("http://studio/api/uploads", {
        method: "POST",
        body: new Uint8Array(bytes),
        headers: { "content-type": "image/png", "x-file-name": "../../photo.png" },
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { error: string };
    expect(internalsIn(body.error, [root])).toEqual([]);
  });
});
