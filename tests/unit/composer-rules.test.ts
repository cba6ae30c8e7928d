import { describe, expect, it } from "vitest";
import { checkComposer } from "@/lib/composer/build-submission";
import type { ComposerRuleId } from "@/lib/composer/composer-issue";
import {
  composerSubmissionSchema,
  validateSubmission,
} from "@/lib/composer/composer-submission-schema";
import { durationRule } from "@/lib/composer/setting-rules";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import { element, image, video } from "./prompt-fixtures";
import { sayInEnglish } from "./say-in";

const MB = 1024 * 1024;
const okImage = (id: string, extra: Parameters<typeof image>[1] = {}) =>
  image(id, {
    facts: { mimeType: "image/png", bytes: 2 * MB, width: 1024, height: 768 },
    ...extra,
  });
const okVideo = (id: string, extra: Parameters<typeof video>[1] = {}) =>
  video(id, {
    facts: {
      mimeType: "video/mp4",
      bytes: 20 * MB,
      width: 1280,
      height: 720,
      durationSeconds: 5,
      fps: 30,
    },
    ...extra,
  });

function submission(extra: Partial<ComposerSubmission> = {}): ComposerSubmission {
  return {
    model: "kling-video-o1",
    prompt: "A paper boat",
    sound: false,
    storyboard: null,
    mode: "std",
    aspectRatio: "16:9",
    duration: "5",
    images: [],
    elements: [],
    videos: [],
    ...extra,
  };
}

const images = (n: number) => Array.from({ length: n }, (_, i) => okImage(`ref_i${i + 1}`));
const elements = (n: number) =>
  Array.from({ length: n }, (_, i) => element(`ref_e${i + 1}`, { name: `Cat${i + 1}` }));

/** One bad input per rule and the exact message it gets. */
const table: [ComposerRuleId, ComposerSubmission, string][] = [
  ["prompt-empty", submission({ prompt: "  " }), "Write a prompt: describe the video you want."],
  [
    "prompt-too-long",
    submission({ prompt: `${"x".repeat(2490)}<<<image_1>>>`, images: images(1), duration: "5" }),
    "The prompt is 2503 characters with references written out as tokens; the limit is 2500. Shorten it by 3.",
  ],
  [
    "prompt-dangling-token",
    submission({ prompt: "<<<image_1>>> and <<<image_2>>>", images: images(1) }),
    "The prompt mentions <<<image_2>>>, but there is only 1 image. Remove it or add the image.",
  ],
  [
    "prompt-malformed-token",
    submission({ prompt: "<<<image_0>>> in the rain", images: images(1) }),
    "The prompt contains <<<image_0>>>, which names no image: numbers start at 1 (<<<image_1>>> is the first image). Delete it, or type @ to insert a reference.",
  ],
  [
    "image-type",
    submission({
      images: [okImage("ref_a"), okImage("ref_b"), okImage("ref_c", { facts: { mimeType: null } })],
    }),
    "Image 3 is not a JPEG or PNG file (judged by its content). Save it as JPEG or PNG and add it again.",
  ],
  [
    "image-size",
    submission({
      images: [okImage("ref_a", { facts: { mimeType: "image/jpeg", bytes: 12.5 * MB } })],
    }),
    "Image 1 is 12.5 MB; images may be at most 10 MB. Compress or resize it.",
  ],
  [
    "image-too-small",
    submission({ images: [okImage("ref_a", { facts: { width: 299, height: 400 } })] }),
    "Image 1 is 299×400 px; each side must be at least 300 px. Use a larger image.",
  ],
  [
    "image-aspect",
    submission({
      images: [okImage("ref_a"), okImage("ref_b", { facts: { width: 3000, height: 1000 } })],
    }),
    "Image 2 is 3000×1000 px, too wide: the shape must be between 1:2.5 and 2.5:1. Crop it.",
  ],
  [
    "image-source",
    submission({ images: [okImage("ref_a", { uploadId: undefined })] }),
    "Image 1 has not finished uploading; wait for it or remove it.",
  ],
  [
    "video-type",
    submission({ videos: [okVideo("ref_v", { facts: { mimeType: "video/webm" } })] }),
    "Video is not an MP4 or MOV file (judged by its content). Convert it to MP4 and add it again.",
  ],
  [
    "video-size",
    submission({ videos: [okVideo("ref_v", { facts: { bytes: 250 * MB } })] }),
    "Video is 250 MB; the video may be at most 200 MB. Compress or shorten it.",
  ],
  [
    "video-length",
    submission({ videos: [okVideo("ref_v", { facts: { durationSeconds: 12.4 } })] }),
    "Video is 12.4 s long; it must be 3–10 s. Trim it.",
  ],
  [
    "video-resolution",
    submission({ videos: [okVideo("ref_v", { facts: { width: 640, height: 360 } })] }),
    "Video is 640×360 px; each side must be 720–2160 px. Re-export it, e.g. at 1280×720 or 1920×1080.",
  ],
  [
    "video-fps",
    submission({ videos: [okVideo("ref_v", { facts: { fps: 15 } })] }),
    "Video runs at 15 fps; it must be 24–60 fps. Re-export it at 24, 30 or 60 fps.",
  ],
  [
    "video-source",
    submission({ videos: [okVideo("ref_v", { uploadId: undefined })] }),
    "Video has not finished uploading; wait for it or remove it.",
  ],
  [
    "element-id",
    submission({ elements: [element("ref_e", { name: "Cat", elementId: "12.5" })] }),
    'Element 1 (Cat) has the id "12.5", which is not a Kling element id (a positive whole number). Fix it in the element library.',
  ],
  [
    "too-many-references",
    submission({ images: images(5), elements: elements(3) }),
    "Element 3 (Cat3): At most 7 images and elements can be sent; there are 8. Remove 1.",
  ],
  [
    "too-many-references-with-video",
    submission({ images: images(4), elements: elements(1), videos: [okVideo("ref_v")] }),
    "Element 1 (Cat1): With a reference video at most 4 images and elements can be sent; there are 5. Remove 1, or remove the video.",
  ],
  [
    "too-many-videos",
    submission({ videos: [okVideo("ref_v"), okVideo("ref_w")] }),
    "Only one reference video can be sent; remove Video 2.",
  ],
  [
    "duplicate-frame",
    submission({
      aspectRatio: null,
      images: [
        okImage("ref_a", { frame: "first_frame" }),
        okImage("ref_b", { frame: "first_frame" }),
      ],
    }),
    "Image 2 is set as the start frame, but Image 1 already is. Only one image can be the start frame.",
  ],
  [
    "end-frame-needs-first",
    submission({ images: [okImage("ref_a"), okImage("ref_b", { frame: "end_frame" })] }),
    "Image 2 is the end frame, but no image is the start frame. Set an image as the start frame, or take Image 2 off the end frame.",
  ],
  [
    "frames-too-many-images",
    submission({
      aspectRatio: null,
      images: [okImage("ref_a"), okImage("ref_b", { frame: "first_frame" }), okImage("ref_c")],
    }),
    "Image 2 is a frame, and frames can be combined with at most 2 images in all; there are 3. Remove 1 image, or take it off the frame.",
  ],
  [
    "frames-with-base-video",
    submission({
      aspectRatio: null,
      images: [okImage("ref_a", { frame: "first_frame" })],
      videos: [okVideo("ref_v", { referType: "base" })],
    }),
    "Video is set to be edited, which cannot be combined with a start or end frame (Image 1). Use the video as a style reference instead, or take Image 1 off the frame.",
  ],
  [
    "first-frame-too-many-elements",
    submission({
      aspectRatio: null,
      images: [okImage("ref_a", { frame: "first_frame" })],
      elements: elements(4),
    }),
    "Element 4 (Cat4): with a start frame at most 3 elements can be sent; there are 4. Remove 1.",
  ],
  [
    "frames-with-elements",
    submission({
      aspectRatio: null,
      images: [
        okImage("ref_a", { frame: "first_frame" }),
        okImage("ref_b", { frame: "end_frame" }),
      ],
      elements: elements(1),
    }),
    "Element 1 (Cat1) cannot be sent together with both a start and an end frame. Remove the element, or take the image off the end frame.",
  ],
  [
    "duration-choice",
    submission({ duration: "7" }),
    "Without references the video can be 5 or 10 seconds long; choose one of those.",
  ],
  [
    "aspect-ratio-required",
    submission({ aspectRatio: null, images: images(1) }),
    "Choose an aspect ratio: 16:9, 9:16 or 1:1.",
  ],
];

describe("composer rules, one bad input each", () => {
  it.each(table)("%s", (rule, input, message) => {
    const issues = validateSubmission(input);
    // Exactly this rule breaks, so each row proves one rule and nothing else fires.
    expect(issues.map((i) => i.rule)).toEqual([rule]);
    expect(sayInEnglish(issues[0]?.message ?? "")).toBe(message);
  });

  it("covers every rule but the client-only stray-token one", () => {
    const covered = new Set(table.map(([rule]) => rule));
    expect(covered.size).toBe(table.length);
    expect(covered.size).toBe(27);
  });

  it("accepts a valid mixed request", () => {
    const input = submission({
      prompt: "<<<image_1>>> meets <<<element_1>>>, styled like <<<video_1>>>",
      duration: "7",
      images: images(2),
      elements: elements(2),
      videos: [okVideo("ref_v")],
    });
    expect(validateSubmission(input)).toEqual([]);
  });
});

describe("composerSubmissionSchema", () => {
  it("points each issue at the reference it is about", () => {
    const result = composerSubmissionSchema.safeParse(
      submission({
        images: [okImage("ref_a"), okImage("ref_b", { facts: { width: 100, height: 100 } })],
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, sayInEnglish(i.message)])).toEqual([
      [
        ["images", 1],
        "Image 2 is 100×100 px; each side must be at least 300 px. Use a larger image.",
      ],
    ]);
  });

  it("leaves the aspect ratio out when a first frame sets the frame", () => {
    const result = composerSubmissionSchema.parse(
      submission({ images: [okImage("ref_a", { frame: "first_frame" })], duration: "10" }),
    );
    expect(result.aspectRatio).toBeNull();
  });

  it("refuses shapes it does not know", () => {
    expect(composerSubmissionSchema.safeParse({ ...submission(), mode: "ultra" }).success).toBe(
      false,
    );
    expect(
      composerSubmissionSchema.safeParse({ ...submission(), images: [{ id: "x" }] }).success,
    ).toBe(false);
  });
});

describe("durationRule", () => {
  it("follows the contract's modes", () => {
    expect(durationRule(submission())).toMatchObject({ kind: "choices", reason: "text-only" });
    expect(
      durationRule(submission({ images: [okImage("ref_a", { frame: "first_frame" })] })),
    ).toMatchObject({
      kind: "choices",
      reason: "first-frame",
    });
    expect(durationRule(submission({ images: images(1) }))).toEqual({ kind: "range", max: 10 });
    expect(durationRule(submission({ videos: [okVideo("ref_v", { referType: "base" })] }))).toEqual(
      {
        kind: "follows-video",
      },
    );
  });
});

describe("checkComposer", () => {
  it("reports typed tokens no chip stands for, and unused references", () => {
    const refs = [okImage("ref_a"), okImage("ref_b")];
    const check = checkComposer(
      [
        { type: "chip", refId: "ref_a" },
        { type: "text", text: " and <<<image_5>>>" },
      ],
      refs,
      { mode: "std", aspectRatio: "16:9", duration: "5" },
    );
    expect(check.submission.prompt).toBe("<<<image_1>>> and <<<image_5>>>");
    expect(check.issues.map((i) => sayInEnglish(i.message))).toEqual([
      "The prompt contains the text <<<image_5>>>, which no reference stands for. Delete it, or type @ to insert a reference.",
    ]);
    expect(check.unused.map((r) => r.id)).toEqual(["ref_b"]);
  });
});
