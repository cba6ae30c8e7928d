import { describe, expect, it } from "vitest";
import { normalizeSegments, parsePromptText, removeChips } from "@/lib/prompt/parse-prompt-text";
import {
  moveReference,
  moveReferenceTo,
  referenceDescription,
  referenceLabel,
  removeReference,
} from "@/lib/prompt/reference-list";
import type { PromptSegment } from "@/lib/prompt/reference-types";
import { newReferenceId } from "@/lib/prompt/reference-types";
import { findUnusedReferences, serializePrompt } from "@/lib/prompt/serialize-prompt";
import { element, image, video } from "./prompt-fixtures";
import { sayIn } from "./say-in";

const text = (t: string): PromptSegment => ({ type: "text", text: t });
const chip = (refId: string): PromptSegment => ({ type: "chip", refId });

describe("serializePrompt", () => {
  const refs = [image("ref_a"), element("ref_e"), image("ref_b"), video("ref_v")];

  it("numbers chips by each kind's list order and builds the lists in that order", () => {
    const out = serializePrompt(
      [
        chip("ref_b"),
        text(" walks past "),
        chip("ref_a"),
        text(" with "),
        chip("ref_e"),
        chip("ref_v"),
      ],
      refs,
    );
    expect(out.prompt).toBe(
      "<<<image_2>>> walks past <<<image_1>>> with <<<element_1>>><<<video_1>>>",
    );
    expect(out.imageRefs.map((r) => r.id)).toEqual(["ref_a", "ref_b"]);
    expect(out.elementRefs.map((r) => r.id)).toEqual(["ref_e"]);
    expect(out.videoRefs.map((r) => r.id)).toEqual(["ref_v"]);
    expect(out.strayTokens).toEqual([]);
  });

  it("renumbers by itself when references are reordered or removed", () => {
    const segments = [chip("ref_a"), text(" and "), chip("ref_b")];
    const swapped = moveReference(refs, "ref_b", -1);
    expect(serializePrompt(segments, swapped).prompt).toBe("<<<image_2>>> and <<<image_1>>>");
    const without = removeReference(refs, "ref_a");
    const out = serializePrompt(segments, without);
    expect(out.prompt).toBe(" and <<<image_1>>>");
    expect(out.imageRefs.map((r) => r.id)).toEqual(["ref_b"]);
  });

  it("drops unused references on request and numbers what is left", () => {
    const out = serializePrompt([chip("ref_b")], refs, { dropUnused: true });
    expect(out.prompt).toBe("<<<image_1>>>");
    expect(out.imageRefs.map((r) => r.id)).toEqual(["ref_b"]);
    expect(out.elementRefs).toEqual([]);
    expect(out.videoRefs).toEqual([]);
  });

  it("reports typed token text that no chip stands for, at its offset in the prompt", () => {
    const out = serializePrompt([chip("ref_a"), text(" then <<<image_9>>>")], refs);
    expect(out.strayTokens).toEqual([{ kind: "image", n: 9, text: "<<<image_9>>>", index: 19 }]);
  });

  it("reports references with no chip", () => {
    const unused = findUnusedReferences([chip("ref_a"), chip("ref_v")], refs);
    expect(unused.map((r) => r.id)).toEqual(["ref_e", "ref_b"]);
  });
});

describe("parsePromptText", () => {
  const refs = [image("ref_a"), image("ref_b"), element("ref_e")];

  it("turns tokens with a reference into chips and keeps the others as text", () => {
    const out = parsePromptText("A <<<image_2>>> meets <<<element_1>>> and <<<video_1>>>.", refs);
    expect(out.segments).toEqual([
      text("A "),
      chip("ref_b"),
      text(" meets "),
      chip("ref_e"),
      text(" and <<<video_1>>>."),
    ]);
    expect(out.unmatched.map((t) => t.text)).toEqual(["<<<video_1>>>"]);
  });

  it("leaves malformed tokens alone", () => {
    const out = parsePromptText("<<image_1>> <<<image_0>>> <<<picture_1>>>", refs);
    expect(out.segments).toEqual([text("<<image_1>> <<<image_0>>> <<<picture_1>>>")]);
    expect(out.unmatched).toEqual([]);
  });

  it("round-trips with serializePrompt", () => {
    const segments = [text("x\n"), chip("ref_b"), chip("ref_a"), text(" y "), chip("ref_e")];
    const { prompt } = serializePrompt(segments, refs);
    expect(parsePromptText(prompt, refs).segments).toEqual(segments);
  });
});

describe("segment helpers", () => {
  it("merges text, drops empty text and chips of unknown references", () => {
    const out = normalizeSegments(
      [text("a"), text(""), text("b"), chip("ref_gone"), text("c"), chip("ref_a")],
      [image("ref_a")],
    );
    expect(out).toEqual([text("abc"), chip("ref_a")]);
  });

  it("removes every chip of a reference", () => {
    expect(
      removeChips([chip("ref_a"), text(" x "), chip("ref_a"), chip("ref_b")], "ref_a"),
    ).toEqual([text(" x "), chip("ref_b")]);
  });
});

describe("reference list", () => {
  const refs = [image("ref_a"), element("ref_e", { name: "Cat" }), image("ref_b"), image("ref_c")];

  it("labels by position within the kind", () => {
    const en = sayIn("en");
    const ko = sayIn("ko");
    expect(en(referenceLabel(refs, "ref_b"))).toBe("Image 2");
    expect(ko(referenceLabel(refs, "ref_b"))).toBe("이미지 2");
    expect(en(referenceLabel(refs, "ref_e"))).toBe("Cat");
    expect(en(referenceLabel([video("ref_v")], "ref_v"))).toBe("Video");
    expect(ko(referenceLabel([video("ref_v")], "ref_v"))).toBe("영상");
    const framed = [image("ref_a", { frame: "first_frame" as const })];
    expect(en(referenceDescription(framed, "ref_a"))).toBe(
      "Image 1 reference: ref_a.png, start frame",
    );
    expect(ko(referenceDescription(framed, "ref_a"))).toBe("이미지 1 참조: ref_a.png, 시작 프레임");
  });

  it("moves only among references of the same kind", () => {
    expect(moveReference(refs, "ref_b", -1).map((r) => r.id)).toEqual([
      "ref_b",
      "ref_e",
      "ref_a",
      "ref_c",
    ]);
    expect(moveReference(refs, "ref_a", -1).map((r) => r.id)).toEqual(refs.map((r) => r.id));
    expect(moveReferenceTo(refs, "ref_a", "ref_c").map((r) => r.id)).toEqual([
      "ref_e",
      "ref_b",
      "ref_c",
      "ref_a",
    ]);
    expect(moveReferenceTo(refs, "ref_c", "ref_a").map((r) => r.id)).toEqual([
      "ref_c",
      "ref_a",
      "ref_e",
      "ref_b",
    ]);
    expect(moveReferenceTo(refs, "ref_a", "ref_e").map((r) => r.id)).toEqual(refs.map((r) => r.id));
  });

  it("makes ref_ ids that are unique", () => {
    const ids = new Set(Array.from({ length: 100 }, newReferenceId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^ref_[0-9a-f]{32}$/);
  });
});
