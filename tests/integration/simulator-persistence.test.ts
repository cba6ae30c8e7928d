import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startHarness, type TaskBody, TEXT_TO_VIDEO } from "../helpers/simulator-harness";

describe("simulator persistence", () => {
  it("finishes a task created by an instance that went away, on the same dataDir", async () => {
    const first = startHarness({ speed: 0.05 });
    const created = (await (
      await first.create({ ...TEXT_TO_VIDEO, external_task_id: "gen_p" })
    ).json()) as TaskBody;
    const taskId = created.data.task_id;
    // Gone before processing started: no render ran, only the JSON is on disk.
    await first.sim.close();
    const saved = JSON.parse(
      readFileSync(path.join(first.dataDir, "tasks", `${taskId}.json`), "utf8"),
    );
    expect(saved).toMatchObject({ taskId, externalTaskId: "gen_p", notifiedStatus: "submitted" });
    expect(saved.video).toBeUndefined();
    expect(existsSync(path.join(first.dataDir, "videos", `${taskId}.mp4`))).toBe(false);

    const second = startHarness({ speed: 0.05 }, first.dataDir);
    try {
      const done = await second.waitFor(taskId, "succeed");
      expect(done.data).toMatchObject({
        task_id: taskId,
        task_status: "succeed",
        created_at: created.data.created_at,
        task_info: { external_task_id: "gen_p" },
      });
      const url = done.data.task_result.videos?.[0]?.url ?? "";
      expect((await second.call("GET", url)).status).toBe(200);
      // The external id stays taken across instances.
      expect((await second.create({ ...TEXT_TO_VIDEO, external_task_id: "gen_p" })).status).toBe(
        400,
      );
      // No temp files are left behind by the atomic writes.
      const stray = [
        ...readdirSync(path.join(first.dataDir, "tasks")),
        ...readdirSync(path.join(first.dataDir, "videos")),
      ].filter((name) => name.includes(".tmp"));
      expect(stray).toEqual([]);
    } finally {
      await second.cleanup();
    }
  });

  it("honours result URLs signed before a restart", async () => {
    const first = startHarness();
    const created = (await (await first.create(TEXT_TO_VIDEO)).json()) as TaskBody;
    const url = (await first.waitFor(created.data.task_id, "succeed")).data.task_result.videos?.[0]
      ?.url;
    await first.sim.close();
    const second = startHarness({}, first.dataDir);
    try {
      const response = await second.call("GET", url ?? "");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("video/mp4");
      expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
    } finally {
      await second.cleanup();
    }
  });

  it("reports the timeline from the clock, so a late first query jumps straight to the end", async () => {
    const harness = startHarness();
    try {
      const created = (await (await harness.create(TEXT_TO_VIDEO)).json()) as TaskBody;
      await new Promise((resolve) => setTimeout(resolve, 400));
      const done = await harness.waitFor(created.data.task_id, "succeed");
      // Processing ended at created + 40 ms + 160 ms, unless the render took longer.
      expect(done.data.updated_at).toBeGreaterThanOrEqual(created.data.created_at + 200);
    } finally {
      await harness.cleanup();
    }
  });
});
