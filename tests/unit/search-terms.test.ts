import { describe, expect, it } from "vitest";
import {
  highlightParts,
  MAX_SEARCH_TERMS,
  searchTerms,
  toFts5Match,
  toTsQuery,
} from "@/lib/gallery/search-terms";

describe("gallery search words", () => {
  it("splits on anything but letters and digits, lowercased, without repeats", () => {
    expect(searchTerms("  Red-FOX, red 35mm! ")).toEqual(["red", "fox", "35mm"]);
    expect(searchTerms("여우가 눈밭을")).toEqual(["여우가", "눈밭을"]);
    expect(searchTerms('"*:&|()')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => `w${i}`).join(" ");
    expect(searchTerms(many)).toHaveLength(MAX_SEARCH_TERMS);
  });

  it("asks both databases for every word as a prefix, nothing left to escape", () => {
    const terms = searchTerms('fox "OR" 여우');
    expect(toFts5Match(terms)).toBe('{body} : ("fox"* "or"* "여우"*)');
    expect(toTsQuery(terms)).toBe("fox:* & or:* & 여우:*");
  });

  it("marks the words that start with a search word and keeps the text as it was", () => {
    const parts = highlightParts("A Red fox meets 여우가, redder still", ["red", "여우"]);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual([
      "Red",
      "여우가",
      "redder",
    ]);
    expect(parts.map((part) => part.text).join("")).toBe("A Red fox meets 여우가, redder still");
    expect(highlightParts("no terms", [])).toEqual([{ text: "no terms", match: false }]);
  });
});
