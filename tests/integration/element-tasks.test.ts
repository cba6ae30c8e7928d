import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
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

/** An Upload row with its file in MEDIA_DIR, as POST /api/uploads leaves it. */
async function upload(mediaDir: string, fixture: string, width: number, height: number) {
  const id = newId("up");
  const mediaPath = `uploads/${id}${path.extname(fixture)}`;
  mkdirSync(path.join(mediaDir, "uploads"), { recursive: true });
  copyFileSync(path.join(FIXTURES, fixture), path.join(mediaDir, mediaPath));
  await getDb().upload.create({
    data: {
      id,
      kind: "image",
      mediaPath,
      mimeType: fixture.endsWith(".png") ? "image/png" : "image/jpeg",
      bytes: 1000,
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
    tag: "character",
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
});
