import { describe, expect, it } from "vitest";
import { checkComposer } from "@/lib/composer/build-submission";
import { validateSubmission } from "@/lib/composer/composer-submission-schema";
import { checkImage } from "@/lib/composer/media-rules";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import { submissionTitles } from "@/lib/composer/submission-titles";
import { switchModel } from "@/lib/composer/switch-model";
import { findTokenProblems } from "@/lib/prompt/check-prompt-tokens";
import { sayIn } from "./say-in";

/**
 * The composer's rules say the same thing in each language: numbers are values, "too wide"
 * / "too tall" a select, counts ICU plurals, and the reference titles ("Image 1") localized.
 */
const en = sayIn("en");
const ko = sayIn("ko");

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

const image = (id: string, label: string, width: number, height: number) => ({
  id,
  kind: "image" as const,
  name: `${id}.png`,
  label,
  source: "upload" as const,
  uploadId: `up_${id}`,
  frame: null,
  facts: { mimeType: "image/png", bytes: 1000, width, height },
});

describe("composer rules in Korean and English", () => {
  it("refuses a 200×200 image with its size and the minimum, in both languages", () => {
    const [issue] = checkImage(image("ref_a", "Image 1", 200, 200), '"tiny.png"');
    expect(en(issue?.message ?? "")).toBe(
      '"tiny.png" is 200×200 px; each side must be at least 300 px. Use a larger image.',
    );
    expect(ko(issue?.message ?? "")).toBe(
      '"tiny.png": 200×200px입니다. 가로와 세로 모두 300px 이상이어야 합니다. 더 큰 이미지를 사용하세요.',
    );
  });

  it("says too wide or too tall by the shape, never both", () => {
    const wide = checkImage(image("ref_w", "Image 1", 3000, 800), "W").map((i) => i.message);
    const tall = checkImage(image("ref_t", "Image 1", 400, 1200), "T").map((i) => i.message);
    expect(wide.map(en)).toEqual([
      "W is 3000×800 px, too wide: the shape must be between 1:2.5 and 2.5:1. Crop it.",
    ]);
    expect(tall.map(en)).toEqual([
      "T is 400×1200 px, too tall: the shape must be between 1:2.5 and 2.5:1. Crop it.",
    ]);
    expect(ko(wide[0] ?? "")).toContain("가로가 너무 깁니다");
    expect(ko(tall[0] ?? "")).toContain("세로가 너무 깁니다");
  });

  it("counts with plurals: none, one, several", () => {
    const said = (count: number, say: (m: string) => string) =>
      say(
        findTokenProblems("<<<image_3>>>", { image: count, element: 0, video: 0 })[0]?.message ??
          "",
      );
    expect(said(0, en)).toBe(
      "The prompt mentions <<<image_3>>>, but there are no images. Remove it or add the image.",
    );
    expect(said(1, en)).toBe(
      "The prompt mentions <<<image_3>>>, but there is only 1 image. Remove it or add the image.",
    );
    expect(said(2, en)).toBe(
      "The prompt mentions <<<image_3>>>, but there are only 2 images. Remove it or add the image.",
    );
    expect(said(0, ko)).toBe(
      "프롬프트에 <<<image_3>>>이(가) 있지만 이미지가 없습니다. 지우거나 이미지를 추가하세요.",
    );
    expect(said(2, ko)).toBe(
      "프롬프트에 <<<image_3>>>이(가) 있지만 이미지는 2개뿐입니다. 지우거나 이미지를 추가하세요.",
    );
  });

  it("names references in the reader's language, by their stable numbers", () => {
    const input = submission({
      images: [image("ref_b", "Image 2", 1000, 1000), image("ref_a", "Image 1", 1000, 1000)],
      videos: [],
      elements: [{ id: "ref_e", kind: "element", name: "Cat", elementId: "12" }],
    });
    const titles = submissionTitles(input);
    expect(en(titles.get("ref_b"))).toBe("Image 2");
    expect(ko(titles.get("ref_b"))).toBe("이미지 2");
    expect(ko(titles.get("ref_e"))).toBe("요소 1 (Cat)");
  });

  it("uses the slot's own words: start frame, not first frame", () => {
    const framed = { ...image("ref_a", "Image 1", 1000, 1000), frame: "end_frame" as const };
    const issues = validateSubmission(submission({ images: [framed] }));
    const message = issues.find((i) => i.rule === "end-frame-needs-first")?.message ?? "";
    expect(en(message)).toBe(
      "Image 1 is the end frame, but no image is the start frame. Set an image as the start frame, or take Image 1 off the end frame.",
    );
    expect(ko(message)).toBe(
      "이미지 1이(가) 끝 프레임이지만 시작 프레임이 없습니다. 시작 프레임을 지정하거나 이미지 1을(를) 끝 프레임에서 빼세요.",
    );
  });

  it("says what a model switch changed in Korean too", () => {
    const { notes } = switchModel(
      { model: "kling-v3-omni", duration: "12", sound: true, storyboardOn: false },
      "kling-video-o1",
      { images: [image("ref_a", "Image 1", 1000, 1000)], elements: [], videos: [] },
    );
    expect(notes.map(ko)).toEqual([
      "소리를 껐습니다: Kling O1은(는) 소리를 만들지 않습니다.",
      "길이를 12초에서 10초로 바꿨습니다: 여기서 Kling O1은(는) 3~10초가 가능합니다.",
    ]);
  });

  it("points at typed text no reference stands for, in a shot or the prompt", () => {
    const check = checkComposer([{ type: "text", text: "a <<<image_4>>>" }], [], {
      mode: "std",
      aspectRatio: "16:9",
      duration: "5",
    });
    const messages = check.issues.map((issue) => issue.message);
    expect(messages.map(ko)).toContain(
      "프롬프트에 어떤 참조도 가리키지 않는 텍스트 <<<image_4>>>가 있습니다. 삭제하거나 @를 입력해 참조를 넣으세요.",
    );
    expect(messages.map(en)).toContain(
      "The prompt contains the text <<<image_4>>>, which no reference stands for. Delete it, or type @ to insert a reference.",
    );
  });
});
