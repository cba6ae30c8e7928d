import { localMessage } from "@/i18n/local-message";
import { findTokenLike, isTokenKind } from "./prompt-tokens";
import type { ReferenceKind } from "./reference-types";

export type ReferenceCounts = Record<ReferenceKind, number>;

export type TokenProblem = {
  /** "malformed": no such kind, number 0, or leading zeros; "dangling": past the list. */
  kind: "malformed" | "dangling";
  /** The token exactly as written, for the message. */
  text: string;
  /** A localMessage naming the token. */
  message: string;
};

/**
 * Every placeholder in the prompt that does not name an attached reference, each with a
 * message that names it. The composer (browser) and the server run this same check on the
 * prompt as sent, so a token the provider would refuse never leaves the studio.
 */
export function findTokenProblems(prompt: string, counts: ReferenceCounts): TokenProblem[] {
  const problems: TokenProblem[] = [];
  for (const { text, kind, digits } of findTokenLike(prompt)) {
    const problem = judgeToken(text, kind, digits, counts);
    if (problem) problems.push(problem);
  }
  return problems;
}

function judgeToken(
  text: string,
  kind: string,
  digits: string,
  counts: ReferenceCounts,
): TokenProblem | undefined {
  if (!isTokenKind(kind)) {
    return {
      kind: "malformed",
      text,
      // The tokens are values, not message text: "<" starts a tag in the catalogs' syntax.
      message: localMessage("composerRules.tokenNotReference", {
        text,
        tokens: "<<<image_N>>>, <<<element_N>>>, <<<video_N>>>",
      }),
    };
  }
  const known = kind;
  const n = Number(digits);
  if (n === 0) {
    return {
      kind: "malformed",
      text,
      message: localMessage("composerRules.tokenZero", {
        text,
        kind: known,
        first: `<<<${known}_1>>>`,
      }),
    };
  }
  const count = counts[known];
  if (n > count) {
    return {
      kind: "dangling",
      text,
      message: localMessage("composerRules.tokenDangling", { text, kind: known, count }),
    };
  }
  if (digits.startsWith("0")) {
    return {
      kind: "malformed",
      text,
      message: localMessage("composerRules.tokenLeadingZero", {
        text,
        fixed: `<<<${known}_${n}>>>`,
      }),
    };
  }
  return undefined;
}
