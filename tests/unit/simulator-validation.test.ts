import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateCreateBody } from "@/lib/simulator/validate-create-body";
import { type Harness, startHarness, TEXT_TO_VIDEO } from "../helpers/simulator-harness";

const IMG = "https://example.com/a.png";
const VID = "https://example.com/in.mp4";
const images = (n: number) => Array.from({ length: n }, () => ({ image_url: IMG }));
const elements = (n: number) => Array.from({ length: n }, (_, i) => ({ element_id: 1000 + i }));
const refs = { prompt: "refs", duration: "5" };

/** One body per rule, each otherwise valid, with the text the answer must contain. */
const BAD_BODIES: [rule: string, body: unknown, message: string][] = [
  ["body is an array", [TEXT_TO_VIDEO], "JSON object"],
  ["prompt missing", { ...TEXT_TO_VIDEO, prompt: undefined }, "prompt is required"],
  ["prompt blank", { ...TEXT_TO_VIDEO, prompt: "   " }, "prompt is required"],
  ["prompt not a string", { ...TEXT_TO_VIDEO, prompt: 5 }, "prompt is required"],
  ["prompt too long", { ...TEXT_TO_VIDEO, prompt: "x".repeat(2501) }, "at most 2500"],
  ["wrong model", { ...TEXT_TO_VIDEO, model_name: "kling-v2" }, "model_name"],
  ["bad mode", { ...TEXT_TO_VIDEO, mode: "hd" }, "mode must be std or pro"],
  ["bad aspect ratio", { ...TEXT_TO_VIDEO, aspect_ratio: "4:3" }, "aspect_ratio must be one of"],
  [
    "aspect ratio missing",
    { ...TEXT_TO_VIDEO, aspect_ratio: undefined },
    "aspect_ratio is required",
  ],
  ["duration as a number", { ...TEXT_TO_VIDEO, duration: 5 }, "duration must be a string"],
  [
    "duration out of range",
    { ...refs, aspect_ratio: "1:1", image_list: images(1), duration: "11" },
    '"3" to "10"',
  ],
  ["duration 7 for text-to-video", { ...TEXT_TO_VIDEO, duration: "7" }, '"5" or "10"'],
  [
    "duration 3 for first frame",
    { prompt: "p", duration: "3", image_list: [{ image_url: IMG, type: "first_frame" }] },
    '"5" or "10"',
  ],
  ["sound", { ...TEXT_TO_VIDEO, sound: "on" }, "sound is not supported"],
  ["multi_shot", { ...TEXT_TO_VIDEO, multi_shot: true }, "multi_shot is not supported"],
  ["shot_type", { ...TEXT_TO_VIDEO, shot_type: "x" }, "shot_type is not supported"],
  ["multi_prompt", { ...TEXT_TO_VIDEO, multi_prompt: [] }, "multi_prompt is not supported"],
  [
    "image_list not a list",
    { ...TEXT_TO_VIDEO, image_list: { image_url: IMG } },
    "image_list must be an array",
  ],
  [
    "image without url",
    { ...TEXT_TO_VIDEO, image_list: [{ type: "first_frame" }] },
    "image_list[0].image_url is required",
  ],
  [
    "bad image type",
    { ...TEXT_TO_VIDEO, image_list: [{ image_url: IMG, type: "middle" }] },
    "first_frame or end_frame",
  ],
  [
    "element id as string",
    { ...TEXT_TO_VIDEO, element_list: [{ element_id: "123" }] },
    "element_id must be a positive integer",
  ],
  [
    "two videos",
    { ...TEXT_TO_VIDEO, video_list: [{ video_url: VID }, { video_url: VID }] },
    "at most 1 video",
  ],
  [
    "video without url",
    { ...TEXT_TO_VIDEO, video_list: [{ refer_type: "base" }] },
    "video_url is required",
  ],
  [
    "video url not http",
    { ...TEXT_TO_VIDEO, video_list: [{ video_url: "ftp://x/y.mp4" }] },
    "http(s) URL",
  ],
  [
    "bad refer_type",
    { ...TEXT_TO_VIDEO, video_list: [{ video_url: VID, refer_type: "edit" }] },
    "base or feature",
  ],
  [
    "bad keep_original_sound",
    { ...TEXT_TO_VIDEO, video_list: [{ video_url: VID, keep_original_sound: true }] },
    "yes or no",
  ],
  [
    "8 images and elements",
    { ...refs, aspect_ratio: "1:1", image_list: images(4), element_list: elements(4) },
    "at most 7",
  ],
  [
    "5 references with a video",
    {
      ...refs,
      aspect_ratio: "1:1",
      image_list: images(3),
      element_list: elements(2),
      video_list: [{ video_url: VID, refer_type: "feature" }],
    },
    "at most 4 items together when video_list",
  ],
  [
    "end frame alone",
    { prompt: "p", aspect_ratio: "1:1", image_list: [{ image_url: IMG, type: "end_frame" }] },
    "needs a first_frame",
  ],
  [
    "two first frames",
    {
      prompt: "p",
      image_list: [
        { image_url: IMG, type: "first_frame" },
        { image_url: IMG, type: "first_frame" },
      ],
    },
    "at most one first_frame",
  ],
  [
    "frames with 3 images",
    { prompt: "p", image_list: [{ image_url: IMG, type: "first_frame" }, ...images(2)] },
    "more than 2 images",
  ],
  [
    "first frame with a base video",
    {
      prompt: "p",
      image_list: [{ image_url: IMG, type: "first_frame" }],
      video_list: [{ video_url: VID }],
    },
    "video editing",
  ],
  [
    "first and end frames with an element",
    {
      prompt: "p",
      image_list: [
        { image_url: IMG, type: "first_frame" },
        { image_url: IMG, type: "end_frame" },
      ],
      element_list: elements(1),
    },
    "both a first_frame and an end_frame",
  ],
  [
    "first frame with 4 elements",
    {
      prompt: "p",
      image_list: [{ image_url: IMG, type: "first_frame" }],
      element_list: elements(4),
    },
    "at most 3 elements",
  ],
  [
    "image placeholder past the list",
    { ...refs, aspect_ratio: "1:1", prompt: "<<<image_2>>>", image_list: images(1) },
    "<<<image_2>>> refers to a missing image_list item",
  ],
  [
    "element placeholder with no list",
    { ...TEXT_TO_VIDEO, prompt: "see <<<element_1>>>" },
    "<<<element_1>>>",
  ],
  [
    "video placeholder zero",
    { ...refs, prompt: "<<<video_0>>>", video_list: [{ video_url: VID }] },
    "<<<video_0>>>",
  ],
  ["callback not a URL", { ...TEXT_TO_VIDEO, callback_url: "not a url" }, "callback_url"],
  ["external id not a string", { ...TEXT_TO_VIDEO, external_task_id: 42 }, "external_task_id"],
  ["watermark_info not an object", { ...TEXT_TO_VIDEO, watermark_info: "yes" }, "watermark_info"],
];

const GOOD_BODIES: [name: string, body: unknown][] = [
  ["text-to-video", TEXT_TO_VIDEO],
  ["defaults (pro, duration 5)", { prompt: "p", aspect_ratio: "9:16" }],
  [
    "first frame without aspect ratio",
    {
      prompt: "p <<<image_1>>>",
      duration: "10",
      image_list: [{ image_url: IMG, type: "first_frame" }],
    },
  ],
  [
    "first and end frame",
    {
      prompt: "p",
      duration: "5",
      image_list: [
        { image_url: IMG, type: "first_frame" },
        { image_url: IMG, type: "end_frame" },
      ],
    },
  ],
  [
    "7 references, duration 3",
    {
      ...refs,
      duration: "3",
      aspect_ratio: "1:1",
      image_list: images(3),
      element_list: elements(4),
    },
  ],
  [
    "base edit without aspect ratio, duration ignored",
    {
      prompt: "<<<video_1>>> at night",
      duration: "99",
      video_list: [{ video_url: VID, refer_type: "base", keep_original_sound: "yes" }],
    },
  ],
  [
    "feature video with 4 references",
    {
      ...refs,
      duration: "7",
      aspect_ratio: "16:9",
      image_list: images(2),
      element_list: elements(2),
      video_list: [{ video_url: VID, refer_type: "feature" }],
    },
  ],
  [
    "all placeholders",
    {
      prompt: "<<<image_1>>> <<<element_1>>> <<<video_1>>>",
      aspect_ratio: "1:1",
      image_list: images(1),
      element_list: elements(1),
      video_list: [{ video_url: VID, refer_type: "feature" }],
    },
  ],
];

describe("simulator create validation", () => {
  let harness: Harness;
  beforeAll(() => {
    // Slow clock: these tests never reach processing, so nothing renders.
    harness = startHarness({ speed: 100 });
  });
  afterAll(() => harness.cleanup());

  it.each(BAD_BODIES)("rejects: %s", async (_rule, body, message) => {
    const response = await harness.create(body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { code: number; message: string; request_id: string };
    expect(answer.code).toBe(1201);
    expect(answer.message).toContain(message);
    expect(answer.request_id).toBeTruthy();
  });

  it.each(GOOD_BODIES)("accepts: %s", async (_name, body) => {
    expect(validateCreateBody(body)).toMatchObject({ ok: true });
    const response = await harness.create(body);
    expect(response.status).toBe(200);
  });

  it("answers a non-JSON body with 400 and CometAPI's error object", async () => {
    const response = await harness.call("POST", "/kling/v1/videos/omni-video", "{not json");
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { type: string; message: string } };
    expect(answer.error.type).toBe("comet_api_error");
  });

  it("refuses a second task with the same external_task_id", async () => {
    const body = { ...TEXT_TO_VIDEO, external_task_id: "gen_dup" };
    expect((await harness.create(body)).status).toBe(200);
    const second = await harness.create(body);
    expect(second.status).toBe(400);
    expect(((await second.json()) as { message: string }).message).toContain("already exists");
  });

  it("answers a create exactly in the §3.1 shape", async () => {
    const before = Date.now();
    const response = await harness.create({ ...TEXT_TO_VIDEO, external_task_id: "order-42" });
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toEqual({
      code: 0,
      message: "SUCCEED",
      request_id: expect.any(String),
      data: {
        task_id: expect.stringMatching(/^\d{18}$/),
        task_status: "submitted",
        task_info: { external_task_id: "order-42" },
        created_at: expect.any(Number),
        updated_at: expect.any(Number),
      },
    });
    const data = answer.data as { created_at: number; updated_at: number };
    expect(data.created_at).toBeGreaterThanOrEqual(before);
    expect(data.updated_at).toBe(data.created_at);
  });
});
