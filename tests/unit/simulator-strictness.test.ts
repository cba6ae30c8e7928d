import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateCreateBody } from "@/lib/simulator/validate-create-body";
import { type Harness, startHarness, TEST_KEY, TEXT_TO_VIDEO } from "../helpers/simulator-harness";
import { makeJpeg, makePng } from "../security/helpers/images";

/**
 * The simulator is at least as strict as the contract (issue 9, point 8): what Kling would
 * refuse for its form is refused here too, so the suite catches the studio sending it.
 * simulator-validation.test.ts holds the rules that were there before.
 */
const IMG = "https://example.com/a.png";
const VID = "https://example.com/in.mp4";
const refs = { prompt: "refs", duration: "5", aspect_ratio: "1:1" };
const b64 = (bytes: Buffer) => bytes.toString("base64");
const withImage = (imageUrl: string) => ({ ...refs, image_list: [{ image_url: imageUrl }] });

const BAD_BODIES: [rule: string, body: unknown, message: string][] = [
  [
    "unknown top-level field",
    { ...TEXT_TO_VIDEO, negative_prompt: "x" },
    "body.negative_prompt is not a known field",
  ],
  [
    "unknown image_list field",
    { ...refs, image_list: [{ image_url: IMG, weight: 1 }] },
    "image_list[0].weight is not a known field",
  ],
  [
    "unknown element_list field",
    { ...refs, element_list: [{ element_id: 7, name: "Cat" }] },
    "element_list[0].name is not a known field",
  ],
  [
    "unknown video_list field",
    { ...refs, video_list: [{ video_url: VID, refer_type: "feature", fps: 24 }] },
    "video_list[0].fps is not a known field",
  ],
  [
    "base64 with a data: prefix",
    withImage(`data:image/png;base64,${b64(makePng(400, 400))}`),
    "without a data: prefix",
  ],
  [
    "image_url neither URL nor base64",
    withImage("not base64 at all!"),
    "http(s) URL or bare base64",
  ],
  [
    "base64 of a GIF",
    withImage(b64(Buffer.from("GIF89a-a-gif-is-not-accepted-00"))),
    "not a complete JPEG or PNG",
  ],
  [
    "base64 PNG cut short",
    withImage(b64(makePng(400, 400).subarray(0, 60))),
    "not a complete JPEG or PNG",
  ],
  ["base64 PNG under 300 px", withImage(b64(makePng(299, 400))), "at least 300 px"],
  ["base64 JPEG wider than 2.5:1", withImage(b64(makeJpeg(1000, 300))), "1:2.5 to 2.5:1"],
  ["base64 PNG taller than 1:2.5", withImage(b64(makePng(300, 751))), "1:2.5 to 2.5:1"],
  [
    "aspect_ratio with a first frame",
    {
      prompt: "p",
      duration: "5",
      aspect_ratio: "16:9",
      image_list: [{ image_url: IMG, type: "first_frame" }],
    },
    "aspect_ratio must be left out",
  ],
  [
    "aspect_ratio with a base video",
    { prompt: "p", aspect_ratio: "16:9", video_list: [{ video_url: VID, refer_type: "base" }] },
    "aspect_ratio must be left out",
  ],
  [
    "placeholder with a leading zero",
    { ...refs, prompt: "<<<image_01>>>", image_list: [{ image_url: IMG }] },
    "<<<image_01>>> refers to a missing image_list item",
  ],
  [
    "placeholder of no known kind",
    { ...TEXT_TO_VIDEO, prompt: "a <<<audio_1>>>" },
    "<<<audio_1>>> is not a known placeholder",
  ],
];

const GOOD_BODIES: [name: string, body: unknown][] = [
  [
    "base64 PNG and JPEG at the limits (300 px, 1:2.5 and 2.5:1)",
    {
      ...refs,
      image_list: [{ image_url: b64(makePng(300, 750)) }, { image_url: b64(makeJpeg(750, 300)) }],
    },
  ],
  [
    "a 2500-character prompt of emoji (5000 UTF-16 units)",
    { ...TEXT_TO_VIDEO, prompt: "🌊".repeat(2500) },
  ],
];

describe("simulator strictness", () => {
  let harness: Harness;
  beforeAll(() => {
    // Slow clock: these tests never reach processing, so nothing renders.
    harness = startHarness({ speed: 100 });
  });
  afterAll(() => harness.cleanup());

  it.each(BAD_BODIES)("rejects: %s", async (_rule, body, message) => {
    const response = await harness.create(body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { code: number; message: string };
    expect(answer.code).toBe(1201);
    expect(answer.message).toContain(message);
  });

  it.each(GOOD_BODIES)("accepts: %s", async (_name, body) => {
    expect(validateCreateBody(body)).toMatchObject({ ok: true });
    expect((await harness.create(body)).status).toBe(200);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", ""])(
    "refuses a JSON body sent as Content-Type %j with 400 and CometAPI's error object",
    async (type) => {
      const headers: Record<string, string> = { authorization: `Bearer ${TEST_KEY}` };
      if (type) headers["content-type"] = type;
      const path = "/kling/v1/videos/omni-video";
      const response = await harness.call("POST", path, TEXT_TO_VIDEO, headers);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: { type: string; message: string } };
      expect(answer.error.type).toBe("comet_api_error");
      expect(answer.error.message).toContain("Content-Type must be application/json");
    },
  );

  it("accepts application/json with a charset", async () => {
    const response = await harness.call("POST", "/kling/v1/videos/omni-video", TEXT_TO_VIDEO, {
      authorization: `Bearer ${TEST_KEY}`,
      "content-type": "application/json; charset=utf-8",
    });
    expect(response.status).toBe(200);
  });
});
