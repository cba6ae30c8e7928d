import { TOKEN_PATTERN_SOURCE } from "@/lib/prompt/prompt-tokens";
import { referenceName } from "@/lib/prompt/reference-names";
import type { ReferenceView, ShotView } from "./detail-types";

/**
 * The prompt as plain text to copy: each `<<<kind_N>>>` becomes the name its chip shows,
 * in brackets ("A fox [Image 1] meets [Harbor]"), so what is pasted reads like the page.
 */
export function promptAsText(prompt: string, references: ReferenceView[]): string {
  return prompt.replace(
    new RegExp(TOKEN_PATTERN_SOURCE, "g"),
    (_token, kind: string, n: string) => {
      const reference = references.find((r) => r.kind === kind && r.position === Number(n) - 1);
      return `[${reference?.label ?? referenceName(kind, Number(n))}]`;
    },
  );
}

/**
 * A custom storyboard's shots as text to copy, one line each ("Shot 1: A fox [Image 1]"),
 * the label in the reader's language and every token named as its chip shows it.
 */
export function shotsAsText(
  shots: readonly ShotView[],
  references: ReferenceView[],
  label: (n: number) => string,
): string {
  return shots
    .map((shot) => `${label(shot.index)}: ${promptAsText(shot.prompt, references)}`)
    .join("\n");
}
