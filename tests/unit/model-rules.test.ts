import { describe, expect, it } from "vitest";
import { checkComposer } from "@/lib/composer/build-submission";
import type { ComposerRuleId } from "@/lib/composer/composer-issue";
import {
  composerSubmissionSchema,
  validateSubmission,
} from "@/lib/composer/composer-submission-schema";
import { durationOptions, durationRule } from "@/lib/composer/setting-rules";
import type { ComposerSubmission, Storyboard } from "@/lib/composer/submission-shape";
import { switchModel } from "@/lib/composer/switch-model";
import { image, video } from "./prompt-fixtures";
import { sayInEnglish } from "./say-in";

const okImage = (id: string, extra: Parameters<typeof image>[1] = {}) =>
  image(id, { facts: { mimeType: "image/png", bytes: 2048, width: 1024, height: 768 }, ...extra });
const okVideo = video("ref_v", {
  facts: {
    mimeType: "video/mp4",
    bytes: 2048,
    width: 1280,
    height: 720,
    durationSeconds: 5,
    fps: 30,
  },
});

function o1(extra: Partial<ComposerSubmission> = {}): ComposerSubmission {
  return {
    model: "kling-video-o1",
    prompt: "A paper boat",
    mode: "std",
    aspectRatio: "16:9",
    duration: "5",
    sound: false,
    storyboard: null,
    images: [],
    elements: [],
    videos: [],
    ...extra,
  };
}
const v3 = (extra: Partial<ComposerSubmission> = {}) => o1({ model: "kling-v3-omni", ...extra });
const shots = (...list: [string, string][]): Storyboard => ({
  shotType: "customize",
  shots: list.map(([prompt, duration]) => ({ prompt, duration })),
});

/** Rules that only O1 has, one bad input each, with the exact message. */
const o1Table: [ComposerRuleId, ComposerSubmission, string][] = [
  [
    "duration-range",
    o1({ duration: "12", images: [okImage("ref_a")], prompt: "<<<image_1>>> sails" }),
    "Kling O1 makes videos of 3 to 10 seconds; choose 10 seconds or less.",
  ],
  [
    "sound-needs-v3",
    o1({ sound: true }),
    "Kling O1 makes no sound; choose Kling 3.0 Omni for sound.",
  ],
  [
    "storyboard-needs-v3",
    o1({ storyboard: { shotType: "intelligence", shots: [] } }),
    "Storyboards need Kling 3.0 Omni; Kling O1 makes one shot. Choose Kling 3.0 Omni or turn Storyboard off.",
  ],
  [
    "duration-choice",
    o1({ duration: "7" }),
    "Without references the video can be 5 or 10 seconds long; choose one of those.",
  ],
];

/** Kling 3.0 Omni's rules (contract §10), one bad input each. */
const v3Table: [ComposerRuleId, ComposerSubmission, string][] = [
  [
    "sound-with-video",
    v3({ sound: true, videos: [okVideo], prompt: "like <<<video_1>>>" }),
    "Sound is off while a reference video is attached: Kling 3.0 Omni cannot add sound to a video reference.",
  ],
  [
    "storyboard-with-frames",
    v3({
      storyboard: { shotType: "intelligence", shots: [] },
      images: [okImage("ref_a", { frame: "first_frame", name: "start.png" })],
      aspectRatio: null,
    }),
    "A storyboard cannot start or end on a set frame: take start.png off the start frame, or turn Storyboard off.",
  ],
  ["storyboard-no-shots", v3({ storyboard: shots() }), "Write at least one shot."],
  [
    "storyboard-too-many-shots",
    v3({
      duration: "14",
      storyboard: shots(...Array.from({ length: 7 }, () => ["a", "2"] as [string, string])),
    }),
    "A storyboard has at most 6 shots; there are 7. Remove 1.",
  ],
  [
    "shot-empty",
    v3({ storyboard: shots(["a", "3"], [" ", "2"]) }),
    "Shot 2 is empty: describe what happens in it.",
  ],
  [
    "shot-too-long",
    v3({ storyboard: shots([`${"é".repeat(510)}😀😀😀`, "5"]) }),
    "Shot 1 is 513 characters with references written out as tokens; a shot takes 512. Shorten it by 1.",
  ],
  [
    "shot-token",
    v3({ storyboard: shots(["<<<image_0>>> sails", "5"]), images: [okImage("ref_a")] }),
    "Shot 1: The prompt contains <<<image_0>>>, which names no image: numbers start at 1 (<<<image_1>>> is the first image). Delete it, or type @ to insert a reference.",
  ],
  [
    "shot-dangling-token",
    v3({ storyboard: shots(["<<<image_2>>> sails", "5"]), images: [okImage("ref_a")] }),
    "Shot 1: The prompt mentions <<<image_2>>>, but there is only 1 image. Remove it or add the image.",
  ],
  [
    "shot-duration",
    v3({ storyboard: shots(["a", "0"], ["b", "5"]) }),
    "Shot 1 must last at least 1 second.",
  ],
  [
    "shot-total",
    v3({ duration: "10", storyboard: shots(["a", "4"], ["b", "3"]) }),
    "The shots add up to 7 s, but the video is 10 s long; make them add up to 10 s.",
  ],
  [
    "prompt-empty",
    v3({ prompt: "", storyboard: { shotType: "intelligence", shots: [] } }),
    "Write a prompt: describe the video you want.",
  ],
];

describe.each([
  ["Kling O1", o1Table],
  ["Kling 3.0 Omni", v3Table],
])("%s rules, one bad input each", (_model, table) => {
  it.each(table)("%s", (rule, input, message) => {
    const issues = validateSubmission(input);
    expect(issues.map((i) => i.rule)).toEqual([rule]);
    expect(sayInEnglish(issues[0]?.message ?? "")).toBe(message);
  });
});

describe("what each model takes", () => {
  it("v3 takes 3–15 s with or without references; O1 keeps its own choices", () => {
    expect(
      durationOptions(durationRule({ images: [], elements: [], videos: [] }, "kling-v3-omni")),
    ).toHaveLength(13);
    expect(
      durationOptions(durationRule({ images: [okImage("ref_a")], elements: [], videos: [] })),
    ).toEqual(["3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(validateSubmission(v3({ duration: "15", sound: true }))).toEqual([]);
    expect(validateSubmission(v3({ duration: "7" }))).toEqual([]);
  });

  it("a custom storyboard replaces the prompt, so an empty prompt is fine", () => {
    const board = shots(
      ["<<<image_1>>> wakes", "4"],
      ["a walk", "3"],
      ["<<<image_1>>> waves", "3"],
    );
    const input = v3({ prompt: "", duration: "10", storyboard: board, images: [okImage("ref_a")] });
    expect(validateSubmission(input)).toEqual([]);
  });

  it("the schema points a shot's issue at that shot, and refuses a 16 s video", () => {
    const result = composerSubmissionSchema.safeParse(
      v3({ storyboard: shots(["a", "3"], ["", "2"]) }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["storyboard", "shots", 1, "prompt"]);
    expect(composerSubmissionSchema.safeParse({ ...v3(), duration: "16" }).success).toBe(false);
  });

  it("older submissions without a model parse as O1 without sound or storyboard", () => {
    const { model: _m, sound: _s, storyboard: _b, ...old } = o1();
    const parsed = composerSubmissionSchema.parse(old);
    expect(parsed).toMatchObject({ model: "kling-video-o1", sound: false, storyboard: null });
  });
});

describe("checkComposer with a storyboard", () => {
  const a = okImage("ref_a");
  const b = okImage("ref_b");
  it("numbers references across all shots from the one tray and drops unused ones", () => {
    const check = checkComposer(
      [{ type: "text", text: "ignored main prompt" }],
      [okImage("ref_unused"), a, b],
      { mode: "std", aspectRatio: "16:9", duration: "10", model: "kling-v3-omni", sound: true },
      {
        dropUnused: true,
        storyboard: {
          shotType: "customize",
          shots: [
            {
              id: "s1",
              segments: [
                { type: "chip", refId: "ref_b" },
                { type: "text", text: " runs" },
              ],
              duration: "4",
            },
            { id: "s2", segments: [{ type: "text", text: "rain" }], duration: "3" },
            {
              id: "s3",
              segments: [
                { type: "chip", refId: "ref_a" },
                { type: "text", text: " smiles" },
              ],
              duration: "3",
            },
          ],
        },
      },
    );
    expect(check.issues).toEqual([]);
    expect(check.submission.images.map((i) => i.id)).toEqual(["ref_a", "ref_b"]);
    expect(check.submission.storyboard?.shots).toEqual([
      { prompt: "<<<image_2>>> runs", duration: "4" },
      { prompt: "rain", duration: "3" },
      { prompt: "<<<image_1>>> smiles", duration: "3" },
    ]);
    expect(check.unused.map((r) => r.id)).toEqual(["ref_unused"]);
  });

  it("reports typed tokens in a shot on that shot", () => {
    const check = checkComposer(
      [],
      [a],
      { mode: "std", aspectRatio: "16:9", duration: "5", model: "kling-v3-omni" },
      {
        storyboard: {
          shotType: "customize",
          shots: [{ id: "s1", segments: [{ type: "text", text: "<<<image_1>>>" }], duration: "5" }],
        },
      },
    );
    expect(check.issues.map((i) => [i.rule, i.target])).toEqual([
      ["shot-token", { kind: "shot", index: 0 }],
    ]);
  });
});

describe("switchModel keeps what is valid and says what changed", () => {
  const none = { images: [], elements: [], videos: [] };
  const one = { images: [okImage("ref_a")], elements: [], videos: [] };
  it("v3 → O1: 12 s back to 10 s, sound and storyboard off, each said", () => {
    const { next, notes } = switchModel(
      { model: "kling-v3-omni", duration: "12", sound: true, storyboardOn: true },
      "kling-video-o1",
      one,
    );
    expect(next).toEqual({
      model: "kling-video-o1",
      duration: "10",
      sound: false,
      storyboardOn: false,
    });
    expect(notes.map(sayInEnglish)).toEqual([
      "Storyboard turned off: Kling O1 makes one shot.",
      "Sound turned off: Kling O1 makes no sound.",
      "Duration changed from 12 s to 10 s: Kling O1 takes 3–10 s here.",
    ]);
  });

  it("v3 → O1 text only: 7 s becomes 5 s (O1 takes 5 or 10 there)", () => {
    const { next, notes } = switchModel(
      { model: "kling-v3-omni", duration: "7", sound: false, storyboardOn: false },
      "kling-video-o1",
      none,
    );
    expect(next.duration).toBe("5");
    expect(notes.map(sayInEnglish)).toEqual([
      "Duration changed from 7 s to 5 s: Kling O1 takes 5 or 10 s here.",
    ]);
  });

  it("O1 → v3 keeps everything", () => {
    const current = {
      model: "kling-video-o1" as const,
      duration: "10" as const,
      sound: false,
      storyboardOn: false,
    };
    expect(switchModel(current, "kling-v3-omni", one)).toEqual({
      next: { ...current, model: "kling-v3-omni" },
      notes: [],
    });
  });
});
