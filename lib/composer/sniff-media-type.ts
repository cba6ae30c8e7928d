/**
 * File types judged by content, not by name or the browser's guess: a renamed GIF or WebP
 * is refused here rather than by the provider.
 */
export type SniffedImageType = "image/jpeg" | "image/png";
export type SniffedVideoType = "video/mp4" | "video/quicktime";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImageType(bytes: Uint8Array): SniffedImageType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

/**
 * ISO base media files start with an `ftyp` box; QuickTime files may instead start with
 * any of their classic top-level atoms.
 */
export function sniffVideoType(bytes: Uint8Array): SniffedVideoType | null {
  if (ascii(bytes, 4, 4) === "ftyp") {
    return ascii(bytes, 8, 4) === "qt  " ? "video/quicktime" : "video/mp4";
  }
  if (["moov", "mdat", "wide", "free", "skip", "pnot"].includes(ascii(bytes, 4, 4))) {
    return "video/quicktime";
  }
  return null;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return "";
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
