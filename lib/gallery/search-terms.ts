/**
 * The gallery search's words, shared by the server (which turns them into an FTS5 or tsquery
 * match) and the cards (which highlight them), so both agree on what a "word" is: a run of
 * letters or digits in any script, lowercased. Everything else separates words, which is
 * what SQLite's unicode61 tokenizer and PostgreSQL's 'simple' parser do with the documents.
 * Every word matches as a prefix: Korean particles are suffixes (여우 finds 여우가, 여우를),
 * and English plurals and verb endings mostly are too (fox finds foxes).
 */
const WORD = /[\p{L}\p{N}]+/gu;
/** More words than this only slow the query down; the rest are dropped. */
export const MAX_SEARCH_TERMS = 8;

export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  const words = query.normalize("NFC").toLowerCase().match(WORD) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/**
 * SQLite FTS5: every word as a quoted prefix; words side by side mean AND, in any order.
 * Only in the body column: the facets column's words (statussucceeded…) are not text.
 */
export function toFts5Match(terms: readonly string[]): string {
  return `{body} : (${terms.map((term) => `"${term}"*`).join(" ")})`;
}

/** PostgreSQL: `fox:* & 여우:*`. Words hold only letters and digits, so nothing needs escaping. */
export function toTsQuery(terms: readonly string[]): string {
  return terms.map((term) => `${term}:*`).join(" & ");
}

export type HighlightPart = { text: string; match: boolean };

/**
 * Splits `text` into runs, marking each word that starts with one of `terms`, exactly the
 * words the index matched. Works on the original text so the card shows it unchanged.
 */
export function highlightParts(text: string, terms: readonly string[]): HighlightPart[] {
  if (terms.length === 0) return [{ text, match: false }];
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0].normalize("NFC").toLowerCase();
    if (!terms.some((term) => word.startsWith(term))) continue;
    const start = found.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
