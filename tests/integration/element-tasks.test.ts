import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createElementTaskAction } from "@/lib/actions/create-element-task";
import { createElementTask } from "@/lib/elements/create-element-task";
import { forgetElementsVerdict } from "@/lib/elements/elements-support-verdict";
import { followDue } from "@/lib/elements/follow-element-tasks";
import { resetEnvForTests } from "@/lib/env";
import { newId } from "@/lib/ids";
import { type TestDatabase, testPostgresUrl, useTestDatabase } from "../helpers/db-test-env";
import { sayEnglish } from "../helpers/say-english";
import { type SimulatorWithMedia, startSimulatorWithMedia } from "../helpers/simulator-with-media";

const KEY = "sk-test-element-tasks";
const FIXTURES = path.resolve("tests/fixtures");

/** What the server measured of an upload, where a test needs other measures than the file's. */
type Measures = { kind?: string; mimeType?: string; bytes?: number };

/** An Upload row with its file in MEDIA_DIR, as POST /api/uploads leaves it. */
async function upload(
  mediaDir: string,
  fixture: string,
  width: number,
  height: number,
  measures: Measures = {},
) {
  const id = newId("up");
  const mediaPath = `uploads/${id}${path.extname(fixture)}`;
  mkdirSync(path.join(mediaDir, "uploads"), { recursive: true });
  copyFileSync(path.join(FIXTURES, fixture), path.join(mediaDir, mediaPath));
  await getDb().upload.create({
    data: {
      id,
      kind: measures.kind ?? "image",
      mediaPath,
      mimeType: measures.mimeType ?? (fixture.endsWith(".png") ? "image/png" : "image/jpeg"),
      bytes: measures.bytes ?? 1000,
      sha256: id,
      width,
      height,
    },
  });
  return id;
}

/** Steps the follow-up the way the worker's ticks do, until the task is final. */
async function followUntilFinal(taskId: string, worker = "w1") {
  for (let i = 0; i < 400; i++) {
    await followDue(worker);
    const row = await getDb().elementTask.findUnique({ where: { id: taskId } });
    if (row?.status === "succeed" || row?.status === "failed") return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`element task ${taskId} never finished`);
}

const providers = (["sqlite", "postgres"] as const).filter(
  (provider) => provider === "sqlite" || testPostgresUrl(),
);

describe.each(providers)("element tasks on %s", (provider) => {
  let sim: SimulatorWithMedia;
  let db: TestDatabase;
  let front: string;
  let other: string;
  beforeAll(async () => {
    sim = await startSimulatorWithMedia({ key: KEY, speed: 0.02 });
    Object.assign(process.env, {
      COMETAPI_KEY: KEY,
      COMETAPI_BASE_URL: sim.simulator.baseUrl,
      MEDIA_DIR: sim.mediaDir,
      WORKER_MIN_POLL_MS: "20",
    });
    resetEnvForTests();
    forgetElementsVerdict();
    db = await useTestDatabase(provider);
    front = await upload(sim.mediaDir, "ref-blue.png", 320, 320);
    other = await upload(sim.mediaDir, "ref-orange.jpg", 480, 360);
  });
  afterAll(async () => {
    await db.cleanup();
    await sim.close();
    for (const name of ["COMETAPI_KEY", "COMETAPI_BASE_URL", "MEDIA_DIR", "WORKER_MIN_POLL_MS"]) {
      delete process.env[name];
    }
    resetEnvForTests();
  });

  const input = (name: string) => ({
    name,
    description: "A hero in a blue cape",
    tag: "character" as const,
    frontUploadId: front,
    otherUploadIds: [other],
  });

  it("sends the task once, follows it and stores the 64-bit id exactly", async () => {
    const task = await createElementTask(input("Hero"));
    expect(task.status).toBe("queued");
    const done = await followUntilFinal(task.id);
    expect(done.status).toBe("succeed");
    const element = await getDb().element.findUniqueOrThrow({
      where: { id: done.elementRowId ?? "" },
    });
    expect(BigInt(element.elementId)).toBeGreaterThan(2n ** 53n);
    expect(element).toMatchObject({ name: "Hero", tag: "character", source: "created" });
    expect(element.thumbnailPath).toBe(done.frontImagePath);
    const log = (await (await fetch(`${sim.simulator.baseUrl}/__sim/requests`)).json()) as {
      creates: unknown[];
    };
    // Element creates are not video creates; the simulator saw exactly one element task.
    expect(log.creates).toHaveLength(0);
    const listed = await fetch(
      `${sim.simulator.baseUrl}/kling/v1/general/advanced-custom-elements?pageNum=1&pageSize=50`,
      { headers: { authorization: `Bearer ${KEY}` } },
    );
    const text = await listed.text();
    expect(text.match(/"task_id"/g)).toHaveLength(1);
    expect(text).toContain(`"element_id":${element.elementId}`);
  });

  it("leaves a task leased by another worker alone", async () => {
    const task = await createElementTask(input("Leased"));
    const until = new Date(Date.now() + 60_000);
    await getDb().elementTask.update({
      where: { id: task.id },
      data: { leaseOwner: "other", leaseUntil: until },
    });
    await followDue("w1");
    const row = await getDb().elementTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: "queued", leaseOwner: "other" });
    await getDb().elementTask.update({
      where: { id: task.id },
      data: { leaseOwner: null, leaseUntil: null },
    });
    expect((await followUntilFinal(task.id)).status).toBe("succeed");
  });

  it("keeps Kling's reason when the element fails", async () => {
    const task = await createElementTask(input("Hero [fail]"));
    const done = await followUntilFinal(task.id);
    expect(done).toMatchObject({
      status: "failed",
      failReason: "The front view shows no clear subject",
    });
    expect(done.elementRowId).toBeNull();
  });

  it("refuses a picture under 300 px with one message and writes nothing", async () => {
    const small = await upload(sim.mediaDir, "ref-too-small.png", 200, 200);
    const before = await getDb().elementTask.count();
    const error = await createElementTask({ ...input("Tiny"), frontUploadId: small }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(
      sayEnglish(
        (error as { fieldErrors: Record<string, string[]> }).fieldErrors.frontUploadId?.[0] ?? "",
      ),
    ).toMatch(/at least 300 px/);
    expect(await getDb().elementTask.count()).toBe(before);
  });

  it.each([
    ["of another type", { mimeType: "image/gif" }, 320, 320, /is not a JPEG or PNG file/],
    ["over 10 MB", { bytes: 11 * 1024 * 1024 }, 320, 320, /is 11 MB; images may be at most 10 MB/],
    ["too wide", {}, 1000, 300, /too wide: the shape must be between 1:2.5 and 2.5:1/],
    ["not an image", { kind: "video", mimeType: "video/mp4" }, 320, 320, /is not an image/],
  ] as const)(
    "refuses an other view %s, naming it, and writes nothing",
    async (_, measures, w, h, says) => {
      const bad = await upload(sim.mediaDir, "ref-orange.jpg", w, h, measures);
      const before = await getDb().elementTask.count();
      const result = await createElementTaskAction({
        ...input("Bad view"),
        otherUploadIds: [other, bad],
      });
      expect(result).toMatchObject({ ok: false, code: "invalid_input" });
      const said = result.ok ? [] : (result.fieldErrors?.otherUploadIds ?? []);
      expect(said).toEqual([expect.stringMatching(says)]);
      expect(said[0]).toMatch(/^Other view 2 /);
      expect(await getDb().elementTask.count()).toBe(before);
    },
  );

  it.each([
    ["a 21-character name", { name: "A".repeat(21) }, "name", /at most 20 characters/],
    [
      "a 101-character description",
      { description: "d".repeat(101) },
      "description",
      /at most 100 characters/,
    ],
    ["no other view", { otherViews: 0 }, "otherUploadIds", /at least one other view/],
    ["four other views", { otherViews: 4 }, "otherUploadIds", /at most 3 other views/],
  ] as const)(
    "the action refuses %s with the field's message and writes nothing",
    async (_, change, field, says) => {
      const { otherViews, ...words } = { otherViews: 1, ...change };
      const before = await getDb().elementTask.count();
      const result = await createElementTaskAction({
        ...input("Limits"),
        ...words,
        otherUploadIds: Array.from({ length: otherViews }, () => other),
      });
      expect(result).toMatchObject({ ok: false, code: "invalid_input" });
      expect(result.ok ? [] : result.fieldErrors?.[field]).toEqual([expect.stringMatching(says)]);
      expect(await getDb().elementTask.count()).toBe(before);
    },
  );

  it("takes a 20-character name, a 100-character description and three other views", async () => {
    const result = await createElementTaskAction({
      ...input("B".repeat(20)),
      description: "d".repeat(100),
      otherUploadIds: [other, other, other],
    });
    expect(result).toMatchObject({ ok: true, data: { name: "B".repeat(20) } });
  });
});
