import type { ReferenceKind } from "./reference-types";

/** The provider's placeholder syntax (contract §2): `<<<image_1>>>`, N starts at 1. */
export const TOKEN_PATTERN_SOURCE = "<<<(image|element|video)_(\\d{1,4})>>>";

export type PromptToken = {
  kind: ReferenceKind;
  /** 1-based position in the list of that kind. */
  n: number;
  text: string;
  /** Offset of the token in the string it was found in. */
  index: number;
};

export function formatToken(kind: ReferenceKind, n: number): string {
  return `<<<${kind}_${n}>>>`;
}

/** Every well-formed token in the text, in order. */
export function findTokens(text: string): PromptToken[] {
  const tokens: PromptToken[] = [];
  for (const match of text.matchAll(new RegExp(TOKEN_PATTERN_SOURCE, "g"))) {
    const n = Number(match[2]);
    if (n < 1) continue;
    tokens.push({ kind: match[1] as ReferenceKind, n, text: match[0], index: match.index ?? 0 });
  }
  return tokens;
}

/** Tokens read badly in a one-line title or a card; show them as their kind ("[image 1]"). */
export function plainPrompt(prompt: string): string {
  return prompt.replace(new RegExp(TOKEN_PATTERN_SOURCE, "g"), "[$1 $2]");
}
