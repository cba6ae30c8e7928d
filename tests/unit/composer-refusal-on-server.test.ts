import { describe, expect, it } from "vitest";
import { sayOnServer } from "@/i18n/say-on-server";
import { validateSubmission } from "@/lib/composer/composer-submission-schema";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import { invalidInputError } from "@/lib/errors";

/**
 * What createGeneration throws for a submission that breaks the rules (invalidInputError
 * over validateSubmission, as in lib/generation-commands/create-generation.ts) is said by
 * runAction with sayOnServer in the request's language: the toast and every field error.
 */
const tooSmall: ComposerSubmission = {
  model: "kling-video-o1",
  prompt: "",
  sound: false,
  storyboard: null,
  mode: "std",
  aspectRatio: "16:9",
  duration: "5",
  images: [
    {
      id: "ref_a",
      kind: "image",
      name: "tiny.png",
      label: "Image 1",
      source: "upload",
      uploadId: "up_a",
      frame: null,
      facts: { mimeType: "image/png", bytes: 1000, width: 200, height: 200 },
    },
  ],
  elements: [],
  videos: [],
};

function refusal() {
  const issues = validateSubmission(tooSmall);
  return invalidInputError(
    issues.map((issue) => ({
      field: issue.target.kind === "reference" ? issue.target.refId : "prompt",
      message: issue.message,
    })),
    "beforeGenerating",
  );
}

describe("a refused Generate, said on the server", () => {
  it("in Korean for a Korean reader", async () => {
    const say = await sayOnServer("ko");
    const error = refusal();
    expect(say(error.message)).toBe(
      "생성하기 전에 고칠 곳이 2군데 있습니다. 프롬프트를 입력하세요: 원하는 영상을 설명해 주세요.",
    );
    expect(error.fieldErrors?.ref_a?.map(say)).toEqual([
      "이미지 1: 200×200px입니다. 가로와 세로 모두 300px 이상이어야 합니다. 더 큰 이미지를 사용하세요.",
    ]);
  });

  it("in English for an English reader", async () => {
    const say = await sayOnServer("en");
    const error = refusal();
    expect(say(error.message)).toBe(
      "2 things need fixing before generating. Write a prompt: describe the video you want.",
    );
    expect(error.fieldErrors?.ref_a?.map(say)).toEqual([
      "Image 1 is 200×200 px; each side must be at least 300 px. Use a larger image.",
    ]);
  });
});
