/**
 * A picture's type and size read from its header alone, before anything decodes it: JPEG
 * and PNG only, and only when the file is whole (PNG up to IEND, JPEG with its end marker).
 * Shared by upload checks, imports and the simulator, which all must refuse a file that
 * is not what it claims before ffmpeg sees it.
 */
export type ImageHeader = {
  mimeType: "image/png" | "image/jpeg";
  /** The image2pipe demuxer to force when ffmpeg decodes it. */
  demuxer: "png_pipe" | "jpeg_pipe";
  width: number;
  height: number;
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The header's facts, or null when the bytes are neither a whole PNG nor a whole JPEG. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (isPng(bytes)) {
    const size = pngSize(bytes);
    return size ? { mimeType: "image/png", demuxer: "png_pipe", ...size } : null;
  }
  if (isJpeg(bytes)) {
    const size = jpegSize(bytes);
    return size ? { mimeType: "image/jpeg", demuxer: "jpeg_pipe", ...size } : null;
  }
  return null;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** IHDR must be the first chunk; a file that ends before its IEND is truncated. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== "IHDR" || readU32(bytes, 8) !== 13) return null;
  const size = { width: readU32(bytes, 16), height: readU32(bytes, 20) };
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = readU32(bytes, offset);
    const type = ascii(bytes, offset + 4, 4);
    if (offset + 12 + length > bytes.length) return null;
    if (type === "IEND") return size;
    offset += 12 + length;
  }
  return null;
}

/** Walks the markers to the first start-of-frame, which holds the dimensions. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      const height = ((bytes[offset + 5] ?? 0) << 8) | (bytes[offset + 6] ?? 0);
      const width = ((bytes[offset + 7] ?? 0) << 8) | (bytes[offset + 8] ?? 0);
      // A JPEG whose data ends without an end-of-image marker is cut short.
      return hasJpegEnd(bytes) ? { width, height } : null;
    }
    offset += 2 + length;
  }
  return null;
}

function hasJpegEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 64); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

export function readU32(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] ?? 0) << 24) |
      ((bytes[offset + 1] ?? 0) << 16) |
      ((bytes[offset + 2] ?? 0) << 8) |
      (bytes[offset + 3] ?? 0)) >>>
    0
  );
}

export function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return "";
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
