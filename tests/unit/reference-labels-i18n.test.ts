import { describe, expect, it } from "vitest";
import { referenceNamesFor, sayLabel } from "@/lib/gallery/reference-labels";
import { toReferenceViews } from "@/lib/gallery/reference-views";

/**
 * The composer stores its default names in English ("Image 3", "Video"); pages, cards, toasts
 * and share pages say them in the reader's language, and leave a person's own names alone.
 */
const row = (kind: string, position: number, label: string | null, elementName?: string) => ({
  id: `ref_${kind}_${position}`,
  kind,
  position,
  name: null,
  label,
  elementId: elementName ? "123" : null,
  elementName: elementName ?? null,
  imageType: null,
  referType: null,
  mediaPath: null,
  mimeType: null,
});

describe("reference names in the reader's language", () => {
  it("says stored default labels again, numbers as parameters", async () => {
    const ko = await referenceNamesFor("ko");
    const en = await referenceNamesFor("en");
    expect(sayLabel("Image 3", ko)).toBe("이미지 3");
    expect(sayLabel("Video", ko)).toBe("영상");
    expect(sayLabel("Video 2", ko)).toBe("영상 2");
    expect(sayLabel("Element 1", ko)).toBe("요소 1");
    expect(sayLabel("Image 3", en)).toBe("Image 3");
    expect(sayLabel("Video", en)).toBe("Video");
    expect(sayLabel("Harbor cat", ko)).toBe("Harbor cat");
  });

  it("names old rows without a label by position, and an element by its own name", async () => {
    const ko = await referenceNamesFor("ko");
    const views = toReferenceViews(
      [row("image", 1, null), row("video", 0, null), row("element", 0, null, "Harbor")],
      () => null,
      new Map(),
      ko,
    );
    expect(views.map((view) => view.label)).toEqual(["이미지 2", "Harbor", "영상"]);
    const unnamed = toReferenceViews([row("element", 1, null)], () => null, new Map(), ko);
    expect(unnamed[0]?.label).toBe("요소 2");
  });
});
