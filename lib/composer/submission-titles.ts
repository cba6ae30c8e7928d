import { localMessage } from "@/i18n/local-message";
import { labelNumber } from "@/lib/prompt/reference-list";
import type { ComposerSubmission } from "./submission-shape";

export type SubmissionTitles = { get(refId: string): string };

/**
 * "Image 3", "Element 1 (Cat)", "Video": the names messages use, as localMessages ("이미지 3"
 * in Korean). The number is the one in the composer's stable label where given, else the
 * list position.
 */
export function submissionTitles(input: ComposerSubmission): SubmissionTitles {
  const titles = new Map<string, string>();
  input.images.forEach((image, i) => {
    titles.set(image.id, titleMessage("image", labelNumber(image.label) || i + 1));
  });
  input.elements.forEach((element, i) => {
    titles.set(element.id, titleMessage("element", i + 1, element.name));
  });
  input.videos.forEach((video, i) => {
    titles.set(video.id, titleMessage("video", labelNumber(video.label) || i + 1));
  });
  return { get: (refId) => titles.get(refId) ?? titleMessage("other", 0) };
}

/** A reference's title in the reader's language: "Image 2", "Video", "Element 1 (Cat)". */
export function titleMessage(kind: string, n: number, name = ""): string {
  return localMessage("composerRules.title", { kind, n, name });
}
