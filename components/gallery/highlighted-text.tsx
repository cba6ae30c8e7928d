import { highlightParts } from "@/lib/gallery/search-terms";

/** `text` with the words the search matched in <mark>, so a card shows why it was found. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return text;
  return highlightParts(text, terms).map((part, index) =>
    part.match ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string, never reordered
      <mark key={index} className="rounded-sm bg-accent/40 px-0.5 text-white">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}
