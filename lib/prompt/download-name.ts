import { TOKEN_LIKE_PATTERN_SOURCE } from "@/lib/kling-contract/prompt-tokens";

/**
 * The file name a result downloads as, alone or in the zip export: a readable slug of the
 * prompt (tokens left out) and the id, which keeps names unique.
 */
export function downloadFileName(prompt: string, id: string): string {
  return `${promptSlug(prompt)}-${id}.mp4`;
}

export function promptSlug(prompt: string): string {
  const words = prompt
    .replace(new RegExp(TOKEN_LIKE_PATTERN_SOURCE, "g"), " ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return words.slice(0, 40).replace(/-+$/, "") || "video";
}
