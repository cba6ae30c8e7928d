import {
  TOKEN_KINDS,
  TOKEN_LIKE_PATTERN_SOURCE,
  TOKEN_PATTERN_SOURCE,
} from "@/lib/kling-contract/prompt-tokens";
import type { ReferenceKind } from "./reference-types";

/**
 * The one reader of the provider's placeholders (`<<<image_1>>>`, contract §2). Only the
 * canonical form becomes a chip; anything else shaped like a token is reported by
 * check-prompt-tokens.ts, which reads it with findTokenLike.
 */
export { TOKEN_PATTERN_SOURCE };

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
    tokens.push({ kind: match[1] as ReferenceKind, n, text: match[0], index: match.index ?? 0 });
  }
  return tokens;
}

/** The text cut at its tokens: plain runs as strings, tokens in between, in order. */
export function splitAtTokens(text: string): (string | PromptToken)[] {
  const parts: (string | PromptToken)[] = [];
  let last = 0;
  for (const token of findTokens(text)) {
    if (token.index > last) parts.push(text.slice(last, token.index));
    parts.push(token);
    last = token.index + token.text.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The text with each well-formed token replaced by what `show` makes of it. */
export function replaceTokens(text: string, show: (token: PromptToken) => string): string {
  return splitAtTokens(text)
    .map((part) => (typeof part === "string" ? part : show(part)))
    .join("");
}

/** Everything shaped like a token, valid or not, with its kind and digits as written. */
export function findTokenLike(text: string): { text: string; kind: string; digits: string }[] {
  return [...text.matchAll(new RegExp(TOKEN_LIKE_PATTERN_SOURCE, "g"))].map(
    ([whole, kind = "", digits = ""]) => ({ text: whole, kind, digits }),
  );
}

export function isTokenKind(word: string): word is ReferenceKind {
  return (TOKEN_KINDS as readonly string[]).includes(word);
}
