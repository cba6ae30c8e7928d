import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, TEST_KEY, TEXT_TO_VIDEO } from "../helpers/simulator-harness";

const COMET_401 = {
  error: { message: expect.any(String), type: "comet_api_error", code: "" },
};

describe("simulator auth and routing", () => {
  let harness: Harness;
  let taskId: string;
  beforeAll(async () => {
    harness = startHarness({ speed: 100 });
    const created = (await (await harness.create(TEXT_TO_VIDEO)).json()) as {
      data: { task_id: string };
    };
    taskId = created.data.task_id;
  });
  afterAll(() => harness.cleanup());

  it.each([
    ["no Authorization header", {}],
    ["a wrong key", { authorization: "Bearer sk-wrong" }],
    ["a non-Bearer scheme", { authorization: `Basic ${TEST_KEY}` }],
  ])("answers 401 in CometAPI's shape for %s", async (_case, headers) => {
    for (const [method, path, body] of [
      ["POST", "/kling/v1/videos/omni-video", TEXT_TO_VIDEO],
      ["GET", `/kling/v1/videos/omni-video/${taskId}`, undefined],
    ] as const) {
      const response = await harness.call(method, path, body, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(COMET_401);
    }
  });

  it("answers an unknown task with 404", async () => {
    const response = await harness.query("123456789012345678");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: number }).code).toBe(1203);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    expect((await harness.call("GET", "/kling/v1/videos/text2video")).status).toBe(404);
    expect((await harness.call("GET", "/kling/v1/videos/omni-video")).status).toBe(405);
    expect((await harness.call("DELETE", `/kling/v1/videos/omni-video/${taskId}`)).status).toBe(
      405,
    );
  });

  it("refuses file requests that are unsigned, mis-signed or outside the folder", async () => {
    expect((await harness.call("GET", `/files/${taskId}.mp4`)).status).toBe(403);
    expect(
      (await harness.call("GET", `/files/${taskId}.mp4?expires=9999999999&sig=00`)).status,
    ).toBe(403);
    expect((await harness.call("GET", "/files/..%2Ftasks%2Fx.json")).status).toBe(404);
  });

  it("hides the control routes when control is off", async () => {
    const closed = startHarness({ controlEnabled: false, speed: 100 });
    try {
      expect((await closed.call("GET", "/__sim/requests")).status).toBe(404);
      expect(
        (await closed.call("POST", "/__sim/faults", { create: [{ status: 500 }] })).status,
      ).toBe(404);
    } finally {
      await closed.cleanup();
    }
  });
});
