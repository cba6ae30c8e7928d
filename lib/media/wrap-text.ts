/**
 * Greedy word wrap for drawtext, which draws lines as given and never wraps. Long words are
 * cut, control characters dropped, and text past `maxLines` ends with an ellipsis.
 */
export function wrapText(text: string, maxCharsPerLine: number, maxLines: number): string[] {
  const width = Math.max(4, Math.floor(maxCharsPerLine));
  const lines: string[] = [];
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .split("\n");
  for (const paragraph of paragraphs) {
    let line = "";
    for (const word of paragraph.split(" ").filter(Boolean)) {
      let rest = word;
      while (Array.from(rest).length > width) {
        if (line) lines.push(line);
        const chars = Array.from(rest);
        lines.push(chars.slice(0, width).join(""));
        rest = chars.slice(width).join("");
        line = "";
      }
      const candidate = line ? `${line} ${rest}` : rest;
      if (Array.from(candidate).length > width) {
        lines.push(line);
        line = rest;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = Array.from(kept[kept.length - 1] ?? "");
  kept[kept.length - 1] = `${last.slice(0, width - 1).join("")}…`;
  return kept;
}
