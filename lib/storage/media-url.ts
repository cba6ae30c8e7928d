/**
 * Where the studio serves a file kept under MEDIA_DIR (a path relative to it). Each segment
 * is encoded, so a stored name can never change the route it lands on.
 */
export function mediaUrl(relativePath: string): string {
  return `/api/media/${encodeMediaPath(relativePath)}`;
}

/** The stored path as URL path segments, each encoded (the media and signed-link routes). */
export function encodeMediaPath(relativePath: string): string {
  return relativePath.split("/").map(encodeURIComponent).join("/");
}

/** For optional columns (poster, reference media): no path, no URL. */
export function optionalMediaUrl(relativePath: string | null): string | null {
  return relativePath ? mediaUrl(relativePath) : null;
}
