import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createElementClient } from "@/lib/cometapi/elements-client";
import type { CreateElementInput, ElementClient } from "@/lib/cometapi/elements-types";
import { resolveFfmpegPath } from "@/lib/media/ffmpeg-paths";
import { BASE, type Harness, startHarness, TEXT_TO_VIDEO } from "@/tests/helpers/simulator-harness";

const FIXTURES = path.join(process.cwd(), "tests/fixtures");
const BLUE = readFileSync(path.join(FIXTURES, "ref-blue.png")).toString("base64");
const ORANGE = readFileSync(path.join(FIXTURES, "ref-orange.jpg")).toString("base64");
const TOO_SMALL = readFileSync(path.join(FIXTURES, "ref-too-small.png")).toString("base64");

let harness: Harness;
let client: ElementClient;
beforeAll(() => {
  harness = startHarness();
  // The real element client, talking to the simulator in-process.
  client = createElementClient({
    baseUrl: BASE,
    apiKey: "sk-sim-test",
    fetch: (url, init) => harness.sim.handle(new Request(url, init)),
    retry: { attempts: 1 },
  });
});
afterAll(() => harness.cleanup());

const hero = (overrides: Partial<CreateElementInput> = {}): CreateElementInput => ({
  name: "Hero",
  description: "A hero in a blue cape",
  tag: "character",
  frontImage: BLUE,
  otherImages: [ORANGE],
  externalTaskId: `elt_${Math.random().toString(36).slice(2)}`,
  ...overrides,
});

async function waitForElement(taskId: string) {
  for (let i = 0; i < 400; i++) {
    const task = await client.getElementTask(taskId);
    if (task.status === "succeed" || task.status === "failed") return task;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`element task ${taskId} never finished`);
}

describe("simulated elements", () => {
  it("makes an element whose 64-bit id survives, lists it, and deletes it", async () => {
    const created = await client.createElement(hero());
    expect(created.status).toBe("submitted");
    const done = await waitForElement(created.taskId);
    expect(done.status).toBe("succeed");
    const elementId = done.element?.elementId ?? "";
    expect(BigInt(elementId)).toBeGreaterThan(2n ** 53n);
    expect(done.element).toMatchObject({ name: "Hero", tag: "character" });

    const page = await client.listElements(1, 500);
    expect(page.elements.map((e) => e.elementId)).toContain(elementId);
    await client.deleteElement(elementId);
    expect((await client.listElements(1, 500)).elements.map((e) => e.elementId)).not.toContain(
      elementId,
    );
    await expect(client.deleteElement(elementId)).rejects.toMatchObject({
      code: "provider_rejected",
    });
  });

  it("pages Kling's presets and refuses to delete one", async () => {
    const first = await client.listPresetElements(1, 2);
    const second = await client.listPresetElements(2, 2);
    expect(first.elements).toHaveLength(2);
    expect(first.mayHaveMore).toBe(true);
    expect(second.elements.length).toBeGreaterThan(0);
    const ids = [...first.elements, ...second.elements].map((e) => e.elementId);
    expect(new Set(ids).size).toBe(ids.length);
    await expect(client.deleteElement(ids[0] ?? "")).rejects.toThrow(/preset/);
  });

  it.each([
    ["a name over 20 characters", hero({ name: "A".repeat(21) }), /element_name/],
    ["no other view", hero({ otherImages: [] }), /refer_images takes 1 to 3/],
    ["four other views", hero({ otherImages: [ORANGE, ORANGE, ORANGE, ORANGE] }), /1 to 3/],
    ["a picture under 300 px", hero({ frontImage: TOO_SMALL }), /at least 300 px/],
    ["an empty description", hero({ description: "" }), /element_description/],
  ])("refuses %s with Kling's 1201", async (_what, input, message) => {
    const error = await client.createElement(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider_rejected" });
    expect(String((error as Error).message)).toMatch(message);
  });

  it("refuses a second create with the same external_task_id", async () => {
    const input = hero();
    await client.createElement(input);
    await expect(client.createElement(input)).rejects.toThrow(/external_task_id already exists/);
  });

  it("fails review for a name with the failure marker, giving a reason", async () => {
    const created = await client.createElement(hero({ name: "Hero [fail]" }));
    const done = await waitForElement(created.taskId);
    expect(done).toMatchObject({ status: "failed", statusMessage: expect.stringMatching(/\w/) });
  });

  it("shows a made element's front view in a video that uses it", async () => {
    const done = await waitForElement((await client.createElement(hero())).taskId);
    const elementId = done.element?.elementId ?? "";
    const body = JSON.stringify({ ...TEXT_TO_VIDEO, prompt: "<<<element_1>>> waves" }).replace(
      /}$/,
      `,"element_list":[{"element_id":${elementId}}]}`,
    );
    const answer = (await (await harness.create(body)).json()) as { data: { task_id: string } };
    const finished = await harness.waitFor(answer.data.task_id, "succeed", 60_000);
    expect(finished.data.task_status).toBe("succeed");
    const video = path.join(harness.dataDir, "videos", `${answer.data.task_id}.mp4`);
    const [red, green, blue] = averageColor(video);
    // ref-blue.png is blue (its yellow square is top left); the plain render is a moving test-pattern gradient.
    expect(blue).toBeGreaterThan((red ?? 0) + 40);
    expect(blue).toBeGreaterThan((green ?? 0) + 40);
  }, 90_000);
});

/** The mean colour of the bottom-right corner of the frame at 1 s (away from the caption). */
function averageColor(videoPath: string): number[] {
  const out = execFileSync(resolveFfmpegPath(), [
    ...["-v", "error", "-ss", "1", "-i", videoPath, "-frames:v", "1"],
    ...[
      "-vf",
      "crop=iw/5:ih/5:iw*4/5:ih*4/5,scale=1:1:flags=area",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ],
  ]);
  return [...out.subarray(0, 3)];
}
