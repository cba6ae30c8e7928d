/**
 * Parses a single HTTP byte range (RFC 9110 §14.1.2) against a file size. Returns null for
 * a header that is absent or that we choose to ignore (multiple ranges: serve the whole file),
 * and "unsatisfiable" for ranges that cannot be served (416).
 */
export type ByteRange = { start: number; end: number };

export function parseByteRange(
  header: string | null,
  size: number,
): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match)
    return header.trim().startsWith("bytes=") && header.includes(",") ? null : "unsatisfiable";
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return "unsatisfiable";
  if (startText.length > 15 || endText.length > 15) return "unsatisfiable";
  if (startText === "") {
    const suffix = Number(endText);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}
