import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEXT_TO_VIDEO } from "../helpers/simulator-harness";
import { type HttpSim, startHttpSim } from "../helpers/simulator-http";

/**
 * `reuseRender` (the pipeline benchmark's simulator): every task gets a copy of one render,
 * with the duration its one probe measured, and each copy is a complete MP4 of its own.
 */
let sim: HttpSim;
beforeAll(async () => {
  sim = await startHttpSim({ reuseRender: true });
});
afterAll(() => sim.dispose());

describe("reuseRender", () => {
  it("gives every task the same finished video under its own name", async () => {
    const ids = await Promise.all(
      [1, 2, 3].map((n) => sim.createTask({ ...TEXT_TO_VIDEO, prompt: `Reuse ${n}` })),
    );
    const done = await Promise.all(ids.map((id) => sim.waitFor(id, "succeed", 30_000)));
    const hashes: string[] = [];
    for (const [n, answer] of done.entries()) {
      expect(answer.data.task_status).toBe("succeed");
      const video = answer.data.task_result.videos?.[0];
      expect(video?.url).toContain(`/files/${ids[n]}.mp4`);
      expect(Number(video?.duration)).toBeCloseTo(5, 0);
      const bytes = Buffer.from(await (await fetch(video?.url ?? "")).arrayBuffer());
      expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
      hashes.push(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(new Set(hashes).size).toBe(1);
  });
});
