import { findTokens, type PromptToken } from "./prompt-tokens";
import { referencesOfKind } from "./reference-list";
import type { PromptSegment, Reference } from "./reference-types";

export type ParsedPrompt = {
  segments: PromptSegment[];
  /** Tokens with no reference at that position; they stay in the text. */
  unmatched: PromptToken[];
};

/**
 * The serializer backwards: `<<<image_2>>>` becomes a chip for the second image reference
 * when there is one; a token without a matching reference stays as text and is reported.
 */
export function parsePromptText(text: string, references: readonly Reference[]): ParsedPrompt {
  const segments: PromptSegment[] = [];
  const unmatched: PromptToken[] = [];
  let cursor = 0;
  for (const token of findTokens(text)) {
    const ref = referencesOfKind(references, token.kind)[token.n - 1];
    if (!ref) {
      unmatched.push(token);
      continue;
    }
    pushText(segments, text.slice(cursor, token.index));
    segments.push({ type: "chip", refId: ref.id });
    cursor = token.index + token.text.length;
  }
  pushText(segments, text.slice(cursor));
  return { segments, unmatched };
}

/**
 * Merges neighbouring text, drops empty text and chips whose reference is gone: the shape
 * every function here returns, so two equal documents compare equal.
 */
export function normalizeSegments(
  segments: readonly PromptSegment[],
  references?: readonly Reference[],
): PromptSegment[] {
  const known = references ? new Set(references.map((r) => r.id)) : null;
  const out: PromptSegment[] = [];
  for (const segment of segments) {
    if (segment.type === "text") pushText(out, segment.text);
    else if (!known || known.has(segment.refId)) out.push({ type: "chip", refId: segment.refId });
  }
  return out;
}

/** Removes every chip of a reference (used when the reference itself is removed). */
export function removeChips(segments: readonly PromptSegment[], refId: string): PromptSegment[] {
  return normalizeSegments(segments.filter((s) => s.type !== "chip" || s.refId !== refId));
}

function pushText(segments: PromptSegment[], text: string): void {
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last?.type === "text") last.text += text;
  else segments.push({ type: "text", text });
}
