import type { StoryboardDraft } from "@/lib/composer/build-submission";
import type { AspectRatio, Duration } from "@/lib/kling-contract/limits";
import type { ModelName } from "@/lib/kling-contract/models";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { element, image, video } from "../unit/prompt-fixtures";

/**
 * What a person can put together in the composer, as chips and references, one of each
 * shape the contract allows: the parity test sends every one through the real server path.
 */
export type Fixture = {
  name: string;
  refs: () => Reference[];
  segments: PromptSegment[];
  aspectRatio: AspectRatio;
  duration: Duration;
  /** The person ticked "send references the prompt does not mention". */
  sendUnused?: boolean;
  /** Needs a publicly reachable studio (uploaded videos go as links). */
  video?: boolean;
  /** Kling 3.0 Omni fixtures name it; the rest are O1. */
  model?: ModelName;
  sound?: boolean;
  storyboard?: StoryboardDraft;
};

/** Upload ids of a PNG, a JPEG and a video, and element ids in the element library. */
export type FixtureMedia = { png: string; jpg: string; clip: string; elementIds: string[] };

/** `media` is read only when a fixture's references are made, so the list exists before uploads. */
export function composerFixtures(media: () => FixtureMedia): Fixture[] {
  const t = (text: string): PromptSegment => ({ type: "text", text });
  const c = (refId: string): PromptSegment => ({ type: "chip", refId });
  const img = (id: string, extra: Parameters<typeof image>[1] = {}) =>
    image(id, { uploadId: id.endsWith("j") ? media().jpg : media().png, ...extra });
  const el = (id: string, n: number) => element(id, { elementId: media().elementIds[n] ?? "1" });
  const vid = (id: string, extra: Parameters<typeof video>[1] = {}) =>
    video(id, { uploadId: media().clip, ...extra });

  return [
    {
      name: "text only",
      refs: () => [],
      segments: [t("A lighthouse at dawn")],
      aspectRatio: "16:9",
      duration: "5",
    },
    {
      name: "emoji prompt at the code-point limit",
      refs: () => [],
      segments: [t(`${"🌊".repeat(2494)} waves`)],
      aspectRatio: "9:16",
      duration: "10",
    },
    {
      name: "one style image",
      refs: () => [img("ref_a")],
      segments: [c("ref_a"), t(" in the rain")],
      aspectRatio: "1:1",
      duration: "7",
    },
    {
      name: "first frame",
      refs: () => [img("ref_aj", { frame: "first_frame" })],
      segments: [c("ref_aj"), t(" comes alive")],
      aspectRatio: "16:9",
      duration: "10",
    },
    {
      name: "first and end frame",
      refs: () => [img("ref_a", { frame: "first_frame" }), img("ref_bj", { frame: "end_frame" })],
      segments: [t("From "), c("ref_a"), t(" to "), c("ref_bj")],
      aspectRatio: "16:9",
      duration: "5",
    },
    {
      name: "two images and an element",
      refs: () => [img("ref_a"), el("ref_e", 0), img("ref_bj")],
      segments: [c("ref_a"), t(" meets "), c("ref_e"), t(" beside "), c("ref_bj")],
      aspectRatio: "16:9",
      duration: "4",
    },
    {
      name: "first frame with three elements",
      refs: () => [
        img("ref_a", { frame: "first_frame" }),
        el("ref_e", 0),
        el("ref_f", 1),
        el("ref_g", 2),
      ],
      segments: [c("ref_a"), t(" with "), c("ref_e"), c("ref_f"), c("ref_g")],
      aspectRatio: "1:1",
      duration: "5",
    },
    {
      name: "seven references",
      refs: () => [
        img("ref_a"),
        img("ref_bj"),
        img("ref_c"),
        img("ref_dj"),
        el("ref_e", 0),
        el("ref_f", 1),
        el("ref_g", 2),
      ],
      segments: [
        c("ref_a"),
        c("ref_bj"),
        c("ref_c"),
        c("ref_dj"),
        t(" and "),
        c("ref_e"),
        c("ref_f"),
        c("ref_g"),
      ],
      aspectRatio: "16:9",
      duration: "3",
    },
    {
      name: "an unused reference sent on purpose",
      refs: () => [img("ref_a"), img("ref_bj")],
      segments: [c("ref_bj"), t(" at night")],
      aspectRatio: "16:9",
      duration: "6",
      sendUnused: true,
    },
    {
      name: "style video with an image and an element",
      refs: () => [vid("ref_v"), img("ref_a"), el("ref_e", 0)],
      segments: [c("ref_a"), t(" and "), c("ref_e"), t(" styled like "), c("ref_v")],
      aspectRatio: "16:9",
      duration: "8",
      video: true,
    },
    {
      name: "v3: 12 s text only with sound",
      model: "kling-v3-omni",
      sound: true,
      refs: () => [],
      segments: [t("A lighthouse keeper sings at dawn")],
      aspectRatio: "16:9",
      duration: "12",
    },
    {
      name: "v3: custom storyboard, two images in different shots",
      model: "kling-v3-omni",
      sound: true,
      refs: () => [img("ref_a"), img("ref_bj")],
      segments: [],
      storyboard: {
        shotType: "customize",
        shots: [
          { id: "s1", segments: [c("ref_a"), t(" wakes up")], duration: "4" },
          { id: "s2", segments: [t("Rain on the window")], duration: "3" },
          { id: "s3", segments: [c("ref_bj"), t(" opens the door")], duration: "3" },
        ],
      },
      aspectRatio: "16:9",
      duration: "10",
    },
    {
      name: "v3: Kling cuts the shots, 15 s",
      model: "kling-v3-omni",
      refs: () => [img("ref_a")],
      segments: [c("ref_a"), t(" travels from city to sea")],
      storyboard: { shotType: "intelligence", shots: [] },
      aspectRatio: "9:16",
      duration: "15",
    },
    {
      name: "v3: style video, sound off",
      model: "kling-v3-omni",
      refs: () => [vid("ref_v")],
      segments: [t("A dance like "), c("ref_v")],
      aspectRatio: "16:9",
      duration: "13",
      video: true,
    },
    {
      name: "base video edit keeping its sound",
      refs: () => [vid("ref_v", { referType: "base", keepOriginalSound: true })],
      segments: [c("ref_v"), t(" at night")],
      aspectRatio: "16:9",
      duration: "5",
      video: true,
    },
  ];
}
