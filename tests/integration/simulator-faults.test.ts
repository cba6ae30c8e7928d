import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TaskBody, TEXT_TO_VIDEO } from "../helpers/simulator-harness";
import { type HttpSim, startHttpSim } from "../helpers/simulator-http";

let sim: HttpSim;
beforeAll(async () => {
  sim = await startHttpSim();
});
afterEach(async () => {
  await fetch(`${sim.baseUrl}/__sim/faults`, { method: "DELETE" });
  await fetch(`${sim.baseUrl}/__sim/requests`, { method: "DELETE" });
});
afterAll(() => sim.dispose());

const CREATE = "/kling/v1/videos/omni-video";
const script = (faults: unknown) => sim.post("/__sim/faults", faults);
const requests = async () =>
  (await (await sim.get("/__sim/requests")).json()) as {
    creates: unknown[];
    counts: { create: number; query: number; download: number };
  };

describe("scripted faults", () => {
  it("answers create faults in FIFO order, one request each, then normally", async () => {
    const busy = { code: 1303, message: "parallel task over resource pack limit", request_id: "r" };
    await script({ create: [{ status: 429, body: busy }, { status: 500 }] });
    const first = await sim.post(CREATE, TEXT_TO_VIDEO);
    expect(first.status).toBe(429);
    expect(await first.json()).toEqual(busy);
    const second = await sim.post(CREATE, TEXT_TO_VIDEO);
    expect(second.status).toBe(500);
    expect(await second.json()).toMatchObject({ error: { type: "comet_api_error" } });
    expect((await sim.post(CREATE, TEXT_TO_VIDEO)).status).toBe(200);
    expect((await requests()).counts.create).toBe(3);
  });

  it("sends malformed answers: HTML, and cut-off JSON", async () => {
    await script({ create: [{ malformed: true }, { malformed: "json" }] });
    const html = await sim.post(CREATE, TEXT_TO_VIDEO);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toContain("text/html");
    const cut = await sim.post(CREATE, TEXT_TO_VIDEO);
    expect(cut.headers.get("content-type")).toContain("application/json");
    await expect(cut.json()).rejects.toThrow();
  });

  it("delays an answer, then answers normally", async () => {
    await script({ query: [{ delayMs: 300 }] });
    const taskId = await sim.createTask(TEXT_TO_VIDEO);
    const started = Date.now();
    const response = await sim.get(`${CREATE}/${taskId}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(((await response.json()) as TaskBody).data.task_id).toBe(taskId);
  });

  it("drops the connection on reset, after counting the request and creating no task", async () => {
    const tasksBefore = countTasks();
    await script({ create: [{ reset: true }] });
    await expect(
      sim.post(CREATE, { ...TEXT_TO_VIDEO, external_task_id: "gen_reset" }),
    ).rejects.toThrow();
    const log = await requests();
    expect(log.counts.create).toBe(1);
    expect(log.creates).toEqual([{ ...TEXT_TO_VIDEO, external_task_id: "gen_reset" }]);
    expect(countTasks()).toBe(tasksBefore);
  });

  it("applies query faults only to queries", async () => {
    await script({ query: [{ status: 503 }] });
    const taskId = await sim.createTask(TEXT_TO_VIDEO);
    expect((await sim.get(`${CREATE}/${taskId}`)).status).toBe(503);
    expect((await sim.get(`${CREATE}/${taskId}`)).status).toBe(200);
  });

  it("applies download faults: error status, reset, bytes that are no MP4", async () => {
    const taskId = await sim.createTask(TEXT_TO_VIDEO);
    const url = (await sim.waitFor(taskId, "succeed")).data.task_result.videos?.[0]?.url ?? "";
    await script({ download: [{ status: 500 }, { reset: true }, { malformed: true }] });
    expect((await fetch(url)).status).toBe(500);
    await expect(fetch(url).then((response) => response.arrayBuffer())).rejects.toThrow();
    const junk = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(junk.subarray(4, 8).toString()).not.toBe("ftyp");
    const good = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(good.subarray(4, 8).toString()).toBe("ftyp");
    expect((await requests()).counts.download).toBe(4);
  });

  it("fails the next task with failNext's message", async () => {
    await script({ failNext: { message: "Image pixel is invalid" } });
    const failing = await sim.createTask(TEXT_TO_VIDEO);
    const fine = await sim.createTask(TEXT_TO_VIDEO);
    const failed = await sim.waitFor(failing, "failed");
    expect(failed.data.task_status).toBe("failed");
    expect(failed.data.task_status_msg).toBe("Image pixel is invalid");
    expect((await sim.waitFor(fine, "succeed")).data.task_status).toBe("succeed");
  });

  it("clears queued faults on DELETE", async () => {
    await script({ create: [{ status: 500 }], query: [{ status: 500 }] });
    await fetch(`${sim.baseUrl}/__sim/faults`, { method: "DELETE" });
    expect((await sim.post(CREATE, TEXT_TO_VIDEO)).status).toBe(200);
  });

  it("refuses a fault script it cannot understand", async () => {
    expect((await script({ create: [{ status: 42 }] })).status).toBe(400);
    expect((await script({ query: [{}] })).status).toBe(400);
    expect((await script({ download: "500" })).status).toBe(400);
  });
});

describe("request log", () => {
  it("keeps create bodies in order with counts, and resets on DELETE", async () => {
    const bodies = [
      { ...TEXT_TO_VIDEO, prompt: "first" },
      { ...TEXT_TO_VIDEO, prompt: "second", duration: 5 },
    ];
    const taskId = await sim.createTask(bodies[0]);
    expect((await sim.post(CREATE, bodies[1])).status).toBe(400);
    await sim.get(`${CREATE}/${taskId}`);
    const log = await requests();
    expect(log.creates).toEqual(bodies);
    expect(log.counts).toEqual({ create: 2, query: 1, download: 0 });
    await fetch(`${sim.baseUrl}/__sim/requests`, { method: "DELETE" });
    expect(await requests()).toMatchObject({
      creates: [],
      counts: { create: 0, query: 0, download: 0 },
    });
  });
});

function countTasks(): number {
  try {
    return readdirSync(path.join(sim.dataDir, "tasks")).filter((name) => name.endsWith(".json"))
      .length;
  } catch {
    return 0;
  }
}
