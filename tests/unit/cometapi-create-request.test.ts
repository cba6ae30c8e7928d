import { describe, expect, it } from "vitest";
import type { CreateTaskInput } from "@/lib/cometapi/types";
import type { AppError } from "@/lib/errors";
import { setUpCometHarness } from "@/tests/helpers/comet-test-client";
import { klingEnvelope, rejectionOf } from "@/tests/helpers/fake-provider";

const KEY = "sk-test-create-0123456789abcdef";
const comet = setUpCometHarness({
  apiKey: KEY,
  retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 2 },
});

/** The trailing slash on the base URL is deliberate: the client must trim it. */
function client(timeoutMs = 2_000, baseUrl = comet.provider.baseUrl) {
  return comet.client({ baseUrl: `${baseUrl}/`, timeoutMs });
}

const textOnly: CreateTaskInput = {
  prompt: "A red fox runs through snow",
  mode: "std",
  aspectRatio: "16:9",
  duration: "5",
  externalTaskId: "gen_01",
};

const created = klingEnvelope({
  task_id: "878106484537192599",
  task_status: "submitted",
  task_info: { external_task_id: "gen_01" },
  created_at: 1777385419126,
  updated_at: 1777385419126,
});

describe("createTask request", () => {
  it("sends a text-only request field for field, with the bearer key", async () => {
    comet.provider.reply(created);
    const task = await client().createTask(textOnly);

    expect(comet.provider.requests).toHaveLength(1);
    const [request] = comet.provider.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/kling/v1/videos/omni-video");
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.bodyText ?? "")).toEqual({
      model_name: "kling-video-o1",
      prompt: "A red fox runs through snow",
      mode: "std",
      aspect_ratio: "16:9",
      duration: "5",
      external_task_id: "gen_01",
    });
    expect(request?.bodyText).toContain('"duration":"5"');
    expect(task).toEqual({
      taskId: "878106484537192599",
      status: "submitted",
      statusMessage: undefined,
      videoUrl: undefined,
      videoDurationSeconds: undefined,
      createdAt: new Date(1777385419126),
      updatedAt: new Date(1777385419126),
    });
  });

  it("sends images, a 64-bit element id and a video exactly as the contract says", async () => {
    comet.provider.reply(created);
    await client().createTask({
      prompt: "<<<image_1>>> meets <<<element_1>>> in the style of <<<video_1>>>",
      mode: "pro",
      duration: "7",
      images: [
        { image: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==", type: "first_frame" },
        { image: "https://media.example.test/ref.jpg", type: undefined },
      ],
      elements: [{ elementId: "878106484537192522" }, { elementId: "42" }],
      videos: [
        {
          videoUrl: "https://media.example.test/in.mp4",
          referType: "feature",
          keepOriginalSound: false,
        },
      ],
      callbackUrl: "https://studio.example.test/api/callback/tok",
      externalTaskId: "gen_02",
    });

    const bodyText = comet.provider.requests[0]?.bodyText ?? "";
    // Precision: the id must appear as a bare JSON integer, digit for digit.
    expect(bodyText).toContain(
      '"element_list":[{"element_id":878106484537192522},{"element_id":42}]',
    );
    expect(bodyText).not.toContain("aspect_ratio");
    for (const banned of ['"sound"', "multi_shot", "shot_type", "multi_prompt", "base64,"]) {
      expect(bodyText).not.toContain(banned);
    }
    const body = JSON.parse(bodyText);
    expect(body).toMatchObject({
      model_name: "kling-video-o1",
      mode: "pro",
      duration: "7",
      callback_url: "https://studio.example.test/api/callback/tok",
      external_task_id: "gen_02",
      video_list: [
        {
          video_url: "https://media.example.test/in.mp4",
          refer_type: "feature",
          keep_original_sound: "no",
        },
      ],
    });
    expect(body.image_list).toEqual([
      { image_url: "iVBORw0KGgoAAAANSUhEUg==", type: "first_frame" },
      { image_url: "https://media.example.test/ref.jpg" },
    ]);
    expect(Object.keys(body.image_list[1])).toEqual(["image_url"]);
    expect(Object.keys(body).sort()).toEqual(
      [
        "callback_url",
        "duration",
        "element_list",
        "external_task_id",
        "image_list",
        "mode",
        "model_name",
        "prompt",
        "video_list",
      ].sort(),
    );
  });

  it("omits empty lists and maps keepOriginalSound to yes", async () => {
    comet.provider.reply(created);
    await client().createTask({
      ...textOnly,
      aspectRatio: undefined,
      images: [],
      elements: [],
      videos: [
        { videoUrl: "https://m.example.test/a.mp4", referType: "base", keepOriginalSound: true },
      ],
    });
    const body = JSON.parse(comet.provider.requests[0]?.bodyText ?? "");
    expect(body).not.toHaveProperty("image_list");
    expect(body).not.toHaveProperty("element_list");
    expect(body).not.toHaveProperty("aspect_ratio");
    expect(body.video_list[0].keep_original_sound).toBe("yes");
  });

  it("refuses an element id that is not a 64-bit integer, without calling the provider", async () => {
    const error = await rejectionOf<AppError>(
      client().createTask({ ...textOnly, elements: [{ elementId: "9223372036854775808" }] }),
    );
    expect(error.code).toBe("invalid_input");
    expect(comet.provider.requests).toHaveLength(0);
  });

  it("keeps a task id that a relay sends as a bare 64-bit number", async () => {
    comet.provider.reply({
      headers: { "content-type": "application/json" },
      text: '{"code":0,"message":"SUCCEED","data":{"task_id":878106484537192599,"task_status":"submitted"}}',
    });
    const task = await client().createTask(textOnly);
    expect(task.taskId).toBe("878106484537192599");
  });
});
