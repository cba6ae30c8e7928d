import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createElementStore, newElementId, type SimElement } from "@/lib/simulator/element-store";

/** The simulator's element files across a restart of the app that holds it. */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "omni-sim-elements-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function element(taskId: string): SimElement {
  return {
    taskId,
    externalTaskId: `elt_${taskId}`,
    createdAt: Date.now(),
    name: "Hero",
    description: "A hero",
    tagId: "o_102",
    elementId: newElementId(),
    frontImage: { kind: "url", url: "https://example.com/front.png" },
    frontImageUrl: "https://example.com/front.png",
    referImageUrls: [],
    submittedMs: 10,
    processingMs: 10,
    failMessage: undefined,
    deleted: false,
  };
}

describe("the simulator's element store after a restart", () => {
  it("answers requests that arrive together while it is still reading its files", async () => {
    const before = createElementStore(dir);
    await before.save(element("1001"));
    await before.save(element("1002"));
    // A new process: two element tasks polled at the same moment. Both must be known
    // ("task not found" would fail a task the simulator is in fact making).
    const after = createElementStore(dir);
    const [first, second] = await Promise.all([after.byTaskId("1001"), after.byTaskId("1002")]);
    expect(first?.name).toBe("Hero");
    expect(second?.taskId).toBe("1002");
    expect((await after.all()).map((e) => e.taskId)).toEqual(["1001", "1002"]);
  });
});
