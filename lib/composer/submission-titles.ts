import type { ComposerSubmission } from "./submission-shape";

export type SubmissionTitles = { get(refId: string): string };

/** "Image 3", "Element 1 (Cat)", "Video": the names messages use, by list position. */
export function submissionTitles(input: ComposerSubmission): SubmissionTitles {
  const titles = new Map<string, string>();
  input.images.forEach((image, i) => {
    titles.set(image.id, `Image ${i + 1}`);
  });
  input.elements.forEach((element, i) => {
    titles.set(element.id, `Element ${i + 1} (${element.name})`);
  });
  input.videos.forEach((video, i) => {
    titles.set(video.id, i === 0 ? "Video" : `Video ${i + 1}`);
  });
  return { get: (refId) => titles.get(refId) ?? "A reference" };
}
