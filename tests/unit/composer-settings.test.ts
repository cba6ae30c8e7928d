import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { UseFormRegister } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { ComposerSettings, type SettingsValues } from "@/components/composer/composer-settings";
import { settingsView } from "@/lib/composer/settings-view";
import type { Duration } from "@/lib/kling-contract/limits";
import type { ImageReference, VideoReference } from "@/lib/prompt/reference-types";
import en from "@/messages/en.json";
import { element, image, video } from "./prompt-fixtures";

type Refs = { images?: ImageReference[]; videos?: VideoReference[]; elements?: number };
const refs = ({ images = [], videos = [], elements = 0 }: Refs) => ({
  images,
  videos,
  elements: Array.from({ length: elements }, (_, i) => element(`ref_e${i}`)),
});
const baseVideo = (seconds?: number) =>
  video("ref_v", {
    referType: "base",
    ...(seconds ? { facts: { durationSeconds: seconds, width: 1280, height: 720, fps: 24 } } : {}),
  });

describe("settingsView: the duration and aspect rules as the settings show them", () => {
  it.each<[string, Refs, Duration, Partial<ReturnType<typeof settingsView>>]>([
    [
      "text only: 5 or 10, the chosen ratio",
      {},
      "10",
      {
        seconds: 10,
        aspectSetBy: null,
        durationRule: expect.objectContaining({ kind: "choices", reason: "text-only" }),
      },
    ],
    [
      "a first frame: 5 or 10, shape from the frame",
      { images: [image("ref_a", { frame: "first_frame" })] },
      "5",
      {
        seconds: 5,
        aspectSetBy: "startFrame",
        durationRule: expect.objectContaining({ kind: "choices", reason: "first-frame" }),
      },
    ],
    [
      "reference images only: any 3–10, the chosen ratio",
      { images: [image("ref_a")], elements: 1 },
      "7",
      { seconds: 7, aspectSetBy: null, durationRule: { kind: "range", max: 10 } },
    ],
    [
      "a style video: any 3–10, the chosen ratio",
      { videos: [video("ref_v")] },
      "3",
      { seconds: 3, aspectSetBy: null, durationRule: { kind: "range", max: 10 } },
    ],
    [
      "a base video: follows the video's length, shape from the video",
      { videos: [baseVideo(4.04)] },
      "10",
      {
        seconds: 4,
        videoSeconds: 4.04,
        aspectSetBy: "baseVideo",
        durationRule: { kind: "follows-video" },
      },
    ],
    [
      "a base video not measured yet: the cost counts the chosen duration meanwhile",
      { videos: [baseVideo()] },
      "5",
      { seconds: 5, videoSeconds: undefined, durationRule: { kind: "follows-video" } },
    ],
  ])("%s", (_name, input, duration, expected) => {
    expect(settingsView(refs(input), duration)).toMatchObject(expected);
  });
});

/** A stand-in for react-hook-form's register: enough for the selects to render. */
const register = ((name: keyof SettingsValues) => ({
  name,
  onChange: async () => undefined,
  onBlur: async () => undefined,
  ref: () => undefined,
})) as unknown as UseFormRegister<SettingsValues>;

function render(input: Refs, duration: Duration = "5") {
  const view = settingsView(refs(input), duration);
  const settings = createElement(ComposerSettings, {
    register,
    durationRule: view.durationRule,
    videoSeconds: view.videoSeconds,
    aspectSetBy: view.aspectSetBy,
    errorFor: () => undefined,
  });
  return renderToStaticMarkup(
    // biome-ignore lint/correctness/noChildrenProp: the provider's props type requires children
    createElement(NextIntlClientProvider, { locale: "en", messages: en, children: settings }),
  );
}
const selectHtml = (html: string, id: string) =>
  html.match(new RegExp(`<select[^>]*id="${id}"[^>]*>.*?</select>`))?.[0] ?? "";
const optionLabels = (html: string) =>
  [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);

describe("ComposerSettings as rendered", () => {
  it("with a base video: duration disabled and following the video, aspect ratio from the video", () => {
    const html = render({ videos: [baseVideo(4)] });
    const duration = selectHtml(html, "duration");
    expect(duration).toContain("disabled");
    expect(optionLabels(duration)).toEqual(["Follows the video (4 s)"]);
    expect(html).toContain("Editing a video keeps its length.");
    const aspect = selectHtml(html, "aspectRatio");
    expect(aspect).toContain("disabled");
    expect(optionLabels(aspect)).toEqual(["From the video being edited"]);
    expect(html).toMatch(/aria-describedby="aspect-note"/);
  });

  it("with a first frame: only 5 and 10 s, and the frame sets the shape", () => {
    const html = render({ images: [image("ref_a", { frame: "first_frame" })] });
    expect(optionLabels(selectHtml(html, "duration"))).toEqual(["5 s", "10 s"]);
    expect(html).toContain("With a start frame: 5 or 10 s.");
    expect(optionLabels(selectHtml(html, "aspectRatio"))).toEqual(["From the start frame"]);
  });

  it("with reference images: every duration from 3 to 10 s and a choice of ratio", () => {
    const html = render({ images: [image("ref_a")] });
    expect(optionLabels(selectHtml(html, "duration"))).toEqual(
      ["3", "4", "5", "6", "7", "8", "9", "10"].map((d) => `${d} s`),
    );
    const aspect = selectHtml(html, "aspectRatio");
    expect(aspect).not.toContain("disabled");
    expect(optionLabels(aspect)).toEqual(["16:9", "9:16", "1:1"]);
  });
});
