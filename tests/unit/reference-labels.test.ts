import { describe, expect, it } from "vitest";
import {
  moveReference,
  nextReferenceLabel,
  referenceTitle,
  removeReference,
  withStableLabels,
} from "@/lib/prompt/reference-list";
import { serializePrompt } from "@/lib/prompt/serialize-prompt";
import { element, image, video } from "./prompt-fixtures";
import { sayInEnglish } from "./say-in";

describe("stable reference names", () => {
  it("keeps 'Image 1' as 'Image 1' through a reorder and a removal; only the sent numbers change", () => {
    let refs = withStableLabels([image("ref_a"), image("ref_b"), element("ref_e"), video("ref_v")]);
    expect(refs.map((r) => sayInEnglish(referenceTitle(refs, r.id)))).toEqual([
      "Image 1",
      "Image 2",
      "Element 1 (El ref_e)",
      "Video",
    ]);
    refs = moveReference(refs, "ref_b", -1);
    expect(sayInEnglish(referenceTitle(refs, "ref_a"))).toBe("Image 1");
    expect(sayInEnglish(referenceTitle(refs, "ref_b"))).toBe("Image 2");
    const segments = [
      { type: "chip" as const, refId: "ref_a" },
      { type: "text" as const, text: " and " },
      { type: "chip" as const, refId: "ref_b" },
    ];
    expect(serializePrompt(segments, refs).prompt).toBe("<<<image_2>>> and <<<image_1>>>");
    refs = removeReference(refs, "ref_b");
    expect(sayInEnglish(referenceTitle(refs, "ref_a"))).toBe("Image 1");
  });

  it("names the next one past the highest in use, so a removed name is not reused", () => {
    const refs = withStableLabels([image("ref_a"), image("ref_b"), image("ref_c")]);
    const left = removeReference(refs, "ref_c");
    expect(nextReferenceLabel(left, "image")).toBe("Image 3");
    expect(nextReferenceLabel(removeReference(left, "ref_b"), "image")).toBe("Image 2");
    expect(nextReferenceLabel([], "video")).toBe("Video");
    expect(nextReferenceLabel(withStableLabels([video("ref_v")]), "video")).toBe("Video 2");
  });
});
