import { replaceTokens } from "./prompt-tokens";

/**
 * The one name a reference goes by wherever it is shown (chip, tray, detail, card, toast,
 * share title): "Image 2", "Video" (or "Video 2"), an element's own name, else "Element 1".
 */
export function referenceName(kind: string, n: number, elementName?: string | null): string {
  if (kind === "element") return elementName || `Element ${n}`;
  if (kind === "video") return n > 1 ? `Video ${n}` : "Video";
  return `Image ${n}`;
}

/**
 * A prompt as one readable line: each token replaced by its reference's name, set off by
 * spaces so neighbouring names never run together, and no space left before punctuation.
 */
export function promptWithNames(
  prompt: string,
  nameOf: (kind: string, n: number) => string = (kind, n) => referenceName(kind, n),
): string {
  return replaceTokens(prompt, ({ kind, n }) => ` ${nameOf(kind, n)} `)
    .replace(/\s+/g, " ")
    .replace(/ ([.,;:!?])/g, "$1")
    .trim();
}

/**
 * A prompt as one readable line naming each reference as its chip does: the stored name the
 * person saw ("Image 1" stays "Image 1" after reordering), else the kind and number.
 */
export function promptWithLabels(
  prompt: string,
  references: readonly { kind: string; position: number; label: string }[] = [],
): string {
  return promptWithNames(
    prompt,
    (kind, n) =>
      references.find((ref) => ref.kind === kind && ref.position === n - 1)?.label ??
      referenceName(kind, n),
  );
}
