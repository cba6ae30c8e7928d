import { describe, expect, it } from "vitest";
import { normalizeSegments, parsePromptText, removeChips } from "@/lib/prompt/parse-prompt-text";
import { findTokens } from "@/lib/prompt/prompt-tokens";
import { moveReference, moveReferenceTo, removeReference } from "@/lib/prompt/reference-list";
import type { PromptSegment, Reference, ReferenceKind } from "@/lib/prompt/reference-types";
import { serializePrompt } from "@/lib/prompt/serialize-prompt";
import { element, image, video } from "./prompt-fixtures";

/** mulberry32: small, seeded, good enough to shuffle edit sequences reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type State = { refs: Reference[]; segments: PromptSegment[]; nextId: number };

function step(state: State, random: () => number): string {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const roll = random();
  if (roll < 0.2 || state.refs.length === 0) {
    const kind = pick<ReferenceKind>(["image", "image", "element", "video"]) ?? "image";
    const id = `ref_g${state.nextId++}`;
    const make = { image, element, video }[kind];
    state.refs.push(make(id));
    return `add ${kind} ${id}`;
  }
  const ref = pick(state.refs);
  if (!ref) return "noop";
  if (roll < 0.3) {
    state.refs = removeReference(state.refs, ref.id);
    state.segments = removeChips(state.segments, ref.id);
    return `remove ${ref.id}`;
  }
  if (roll < 0.45) {
    const direction = random() < 0.5 ? -1 : 1;
    state.refs = moveReference(state.refs, ref.id, direction);
    return `move ${ref.id} ${direction}`;
  }
  if (roll < 0.55) {
    const target = pick(state.refs.filter((r) => r.kind === ref.kind));
    if (target) state.refs = moveReferenceTo(state.refs, ref.id, target.id);
    return `moveTo ${ref.id} ${target?.id}`;
  }
  const at = Math.floor(random() * (state.segments.length + 1));
  if (roll < 0.8) {
    state.segments.splice(at, 0, { type: "chip", refId: ref.id });
    return `chip ${ref.id} at ${at}`;
  }
  if (roll < 0.9) {
    const words = ["a cat", " walks", "\n", " <<", ">> ", "_1", " image", "  "];
    state.segments.splice(at, 0, { type: "text", text: pick(words) ?? " " });
    return `text at ${at}`;
  }
  const chipIndexes = state.segments.flatMap((s, i) => (s.type === "chip" ? [i] : []));
  const index = pick(chipIndexes);
  if (index !== undefined) state.segments.splice(index, 1);
  return `delete chip at ${index}`;
}

function checkConsistency(state: State, dropUnused: boolean): void {
  const out = serializePrompt(state.segments, state.refs, { dropUnused });
  const lists = { image: out.imageRefs, element: out.elementRefs, video: out.videoRefs };
  const tokens = findTokens(out.prompt);
  const chips = state.segments.flatMap((s) => (s.type === "chip" ? [s.refId] : []));

  // Every chip of a live reference yields exactly one token, in the same order, naming it.
  expect(tokens.map((t) => lists[t.kind][t.n - 1]?.id)).toEqual(chips);
  for (const token of tokens) expect(token.n).toBeLessThanOrEqual(lists[token.kind].length);
  expect(out.strayTokens).toEqual([]);

  // The lists are the references of each kind in tray order (only the used ones if asked).
  const used = new Set(chips);
  for (const kind of ["image", "element", "video"] as const) {
    const expected = state.refs.filter((r) => r.kind === kind && (!dropUnused || used.has(r.id)));
    expect(lists[kind].map((r) => r.id)).toEqual(expected.map((r) => r.id));
  }

  // Reading the prompt back gives the same document.
  const sentRefs = [...out.imageRefs, ...out.elementRefs, ...out.videoRefs];
  const parsed = parsePromptText(out.prompt, sentRefs);
  expect(parsed.unmatched).toEqual([]);
  expect(parsed.segments).toEqual(normalizeSegments(state.segments, state.refs));
}

describe("generated edit sequences", () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}: prompt and lists always agree`, () => {
      const random = prng(seed);
      const state: State = { refs: [], segments: [], nextId: 1 };
      const log: string[] = [];
      for (let i = 0; i < 80; i++) {
        log.push(step(state, random));
        try {
          checkConsistency(state, false);
          checkConsistency(state, true);
        } catch (error) {
          throw new Error(`after ${log.join("; ")}\n${String(error)}`);
        }
      }
    });
  }
});
