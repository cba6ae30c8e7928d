import { findTokens, formatToken, type PromptToken } from "./prompt-tokens";
import { referencesOfKind } from "./reference-list";
import type {
  ElementReference,
  ImageReference,
  PromptSegment,
  Reference,
  VideoReference,
} from "./reference-types";

export type SerializedPrompt = {
  /** The text sent as `prompt`, with chips turned into numbered tokens. */
  prompt: string;
  /** In the order the tokens number them: `<<<image_1>>>` is imageRefs[0]. */
  imageRefs: ImageReference[];
  elementRefs: ElementReference[];
  videoRefs: VideoReference[];
  /** Token-looking text typed by hand that no chip stands for; it would mislead the provider. */
  strayTokens: PromptToken[];
};

export type SerializeOptions = {
  /** Leave out references no chip mentions (the person chose not to send them). */
  dropUnused?: boolean;
};

/**
 * Chips become tokens numbered by the reference lists as they are now, and the lists are
 * built in that same order, so the prompt and the lists cannot disagree. Chips whose
 * reference is gone are dropped: a dangling token cannot be produced.
 */
export function serializePrompt(
  segments: readonly PromptSegment[],
  references: readonly Reference[],
  options: SerializeOptions = {},
): SerializedPrompt {
  const used = chipRefIds(segments);
  const sent = options.dropUnused ? references.filter((r) => used.has(r.id)) : [...references];
  const imageRefs = referencesOfKind(sent, "image");
  const elementRefs = referencesOfKind(sent, "element");
  const videoRefs = referencesOfKind(sent, "video");
  const tokenById = new Map<string, string>();
  for (const list of [imageRefs, elementRefs, videoRefs]) {
    list.forEach((ref, i) => {
      tokenById.set(ref.id, formatToken(ref.kind, i + 1));
    });
  }

  let prompt = "";
  const strayTokens: PromptToken[] = [];
  for (const segment of segments) {
    if (segment.type === "text") {
      for (const token of findTokens(segment.text)) {
        strayTokens.push({ ...token, index: prompt.length + token.index });
      }
      prompt += segment.text;
    } else {
      prompt += tokenById.get(segment.refId) ?? "";
    }
  }
  return { prompt, imageRefs, elementRefs, videoRefs, strayTokens };
}

export function chipRefIds(segments: readonly PromptSegment[]): Set<string> {
  const ids = new Set<string>();
  for (const segment of segments) if (segment.type === "chip") ids.add(segment.refId);
  return ids;
}

/** References that no chip mentions, so the UI can warn before they are sent. */
export function findUnusedReferences(
  segments: readonly PromptSegment[],
  references: readonly Reference[],
): Reference[] {
  const used = chipRefIds(segments);
  return references.filter((ref) => !used.has(ref.id));
}

/** The token each reference gets right now, keyed by reference id. */
export function tokensByReferenceId(references: readonly Reference[]): Map<string, string> {
  const tokens = new Map<string, string>();
  const counters = { image: 0, element: 0, video: 0 };
  for (const ref of references) {
    counters[ref.kind] += 1;
    tokens.set(ref.id, formatToken(ref.kind, counters[ref.kind]));
  }
  return tokens;
}
