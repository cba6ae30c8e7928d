import { describe, expect, it } from "vitest";
import { checkComposer } from "@/lib/composer/build-submission";
import { validateSubmission } from "@/lib/composer/composer-submission-schema";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import { findTokenProblems } from "@/lib/prompt/check-prompt-tokens";
import { promptLength } from "@/lib/prompt/prompt-length";
import { element, image } from "./prompt-fixtures";
import { sayInEnglish } from "./say-in";

/**
 * The one token check and the one length count, shared by the composer (browser) and the
 * server's validation of the same submission.
 */
const oneImage = image("ref_a", {
  facts: { mimeType: "image/png", bytes: 1000, width: 800, height: 600 },
});
const counts = { image: 1, element: 1, video: 0 };

function submission(prompt: string): ComposerSubmission {
  return {
    model: "kling-video-o1",
    prompt,
    sound: false,
    storyboard: null,
    mode: "std",
    aspectRatio: "16:9",
    duration: "5",
    images: [oneImage],
    elements: [element("ref_e")],
    videos: [],
  };
}

describe("findTokenProblems", () => {
  it.each([
    ["<<<image_0>>>", "malformed", "names no image: numbers start at 1"],
    ["<<<element_00>>>", "malformed", "names no element"],
    ["<<<image_01>>>", "malformed", "leading zero"],
    ["<<<image_12345>>>", "dangling", "but there is only 1 image"],
    ["<<<image_2>>>", "dangling", "but there is only 1 image"],
    ["<<<video_1>>>", "dangling", "but there are no videos"],
    ["<<<audio_1>>>", "malformed", "is not a reference"],
    ["<<<Image_1>>>", "malformed", "is not a reference"],
    ["<<<image_1_2>>>", "malformed", "is not a reference"],
  ])("refuses %s, naming it", (token, kind, words) => {
    const problems = findTokenProblems(`A cat ${token} in the rain`, counts);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.kind).toBe(kind);
    expect(problems[0]?.text).toBe(token);
    expect(sayInEnglish(problems[0]?.message ?? "")).toContain(token);
    expect(sayInEnglish(problems[0]?.message ?? "")).toContain(words);
  });

  it("accepts tokens that name attached references, and text that is no token", () => {
    const prompt = "<<<image_1>>> meets <<<element_1>>>, <<image_1>> <<<image_>>> <<<image_x>>>";
    expect(findTokenProblems(prompt, counts)).toEqual([]);
  });

  it("reports every bad token, in order", () => {
    const problems = findTokenProblems("<<<image_0>>> <<<image_1>>> <<<element_9>>>", counts);
    expect(problems.map((p) => p.text)).toEqual(["<<<image_0>>>", "<<<element_9>>>"]);
  });
});

describe("the composer and the server run the same token check", () => {
  it.each(["<<<image_0>>>", "<<<element_00>>>", "<<<image_12345>>>", "<<<image_01>>>"])(
    "%s typed beside one attached image is refused by both, with the token named",
    (token) => {
      const check = checkComposer(
        [
          { type: "chip", refId: "ref_a" },
          { type: "text", text: ` and ${token}` },
        ],
        [oneImage],
        { mode: "std", aspectRatio: "16:9", duration: "5" },
      );
      const browser = check.issues.map((i) => i.message);
      expect(browser).toHaveLength(1);
      expect(browser[0]).toContain(token);
      const server = validateSubmission({ ...check.submission }).map((i) => i.message);
      expect(server).toHaveLength(1);
      expect(server[0]).toContain(token);
    },
  );
});

describe("prompt length in code points", () => {
  it("counts an emoji once, like the provider", () => {
    expect("🎬".length).toBe(2);
    expect(promptLength("🎬")).toBe(1);
    expect(promptLength("a👩‍🚀b")).toBe(5); // woman, zero-width joiner, rocket: three code points
    expect(promptLength("")).toBe(0);
  });

  it("accepts 2500 emoji (5000 UTF-16 units) and refuses 2501, saying the code-point count", () => {
    const at = (n: number) => validateSubmission({ ...submission("🌊".repeat(n)), images: [] });
    expect(at(2500)).toEqual([]);
    const over = at(2501);
    expect(over.map((i) => i.rule)).toEqual(["prompt-too-long"]);
    expect(sayInEnglish(over[0]?.message ?? "")).toContain("The prompt is 2501 characters");
  });
});
