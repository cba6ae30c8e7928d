import { afterAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, TEXT_TO_VIDEO } from "../helpers/simulator-harness";

/**
 * A burst of provider requests must not start a burst of ffmpeg renders: the renders run a
 * few at a time and the rest wait (the tasks simply stay "processing" longer).
 */
const renders = vi.hoisted(() => ({ active: 0, most: 0, total: 0 }));

vi.mock("@/lib/media/render-text-video", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/media/render-text-video")>();
  return {
    ...real,
    renderTextVideo: async (options: Parameters<typeof real.renderTextVideo>[0]) => {
      renders.active += 1;
      renders.total += 1;
      renders.most = Math.max(renders.most, renders.active);
      try {
        return await real.renderTextVideo(options);
      } finally {
        renders.active -= 1;
      }
    },
  };
});

let harness: Harness;
afterAll(() => harness?.cleanup());

describe("simulator renders", () => {
  it("runs at most two at once however many tasks arrive together", async () => {
    harness = startHarness({ speed: 0.001 });
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      const response = await harness.create({ ...TEXT_TO_VIDEO, prompt: `Burst ${n}` });
      ids.push(((await response.json()) as { data: { task_id: string } }).data.task_id);
    }
    // Ask about every task at once, as a busy studio would: each query may start its render.
    await Promise.all(ids.map((id) => harness.waitFor(id, "succeed", 60_000)));
    expect(renders.total).toBe(6);
    expect(renders.most).toBe(2);
  });
});
