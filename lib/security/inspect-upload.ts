import { AppError } from "@/lib/errors";

/**
 * Decides what an uploaded file is from its bytes alone — never its name or the type the
 * browser sent — and reads image dimensions from the header so a decompression bomb (a
 * tiny PNG that claims 50000×50000) is refused before anything decodes it.
 */
export type InspectedUpload =
  | {
      kind: "image";
      mimeType: "image/png" | "image/jpeg";
      extension: "png" | "jpg";
      width: number;
      height: number;
    }
  | { kind: "video"; mimeType: "video/mp4" | "video/quicktime"; extension: "mp4" | "mov" };

export const IMAGE_LIMITS = {
  minSide: 300,
  maxSide: 8192,
  maxPixels: 40_000_000,
  maxAspect: 2.5,
} as const;

export function inspectUpload(bytes: Uint8Array): InspectedUpload {
  if (bytes.length < 12) throw refuse("The file is empty or cut short.");
  if (isPng(bytes)) return checkImage("image/png", "png", pngSize(bytes));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return checkImage("image/jpeg", "jpg", jpegSize(bytes));
  }
  const box = ascii(bytes, 4, 4);
  if (box === "ftyp") {
    const size = readU32(bytes, 0);
    if (size < 8 || size > bytes.length)
      throw refuse("The video is damaged (its first box is cut short).");
    return ascii(bytes, 8, 4) === "qt  "
      ? { kind: "video", mimeType: "video/quicktime", extension: "mov" }
      : { kind: "video", mimeType: "video/mp4", extension: "mp4" };
  }
  throw refuse("Only JPEG and PNG images and MP4 or MOV videos can be uploaded.");
}

function checkImage(
  mimeType: "image/png" | "image/jpeg",
  extension: "png" | "jpg",
  size: { width: number; height: number } | null,
): InspectedUpload {
  if (!size) throw refuse("The image is damaged or cut short.");
  const { width, height } = size;
  if (width === 0 || height === 0) throw refuse("The image has no pixels.");
  if (
    width > IMAGE_LIMITS.maxSide ||
    height > IMAGE_LIMITS.maxSide ||
    width * height > IMAGE_LIMITS.maxPixels
  ) {
    throw refuse(
      `The image is too large (${width}×${height}); at most ${IMAGE_LIMITS.maxSide} pixels a side.`,
    );
  }
  if (Math.max(width / height, height / width) > IMAGE_LIMITS.maxAspect) {
    throw refuse(
      `The image is too narrow (${width}×${height}); the ratio must be between 1:2.5 and 2.5:1.`,
    );
  }
  if (Math.min(width, height) < IMAGE_LIMITS.minSide) {
    throw refuse(
      `The image is too small (${width}×${height}); at least ${IMAGE_LIMITS.minSide} pixels a side.`,
    );
  }
  return { kind: "image", mimeType, extension, width, height };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** IHDR must be the first chunk; a file that ends before its first IDAT is truncated. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
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
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
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

function readU32(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] ?? 0) << 24) |
      ((bytes[offset + 1] ?? 0) << 16) |
      ((bytes[offset + 2] ?? 0) << 8) |
      (bytes[offset + 3] ?? 0)) >>>
    0
  );
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return "";
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function refuse(message: string): AppError {
  return new AppError("invalid_input", message);
}

/** Uploads are stored under names the server makes up; the person's name is only a label. */
export function storedUploadName(id: string, inspected: InspectedUpload): string {
  if (!/^up_[0-9a-z]+$/.test(id)) throw new AppError("internal", "Bad upload id.");
  return `uploads/${id}.${inspected.extension}`;
}

/** A label safe to keep and show: no paths, control or bidi-override characters, bounded. */
export function cleanOriginalName(name: unknown): string | undefined {
  if (typeof name !== "string") return undefined;
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .trim();
  return cleaned === "" ? undefined : cleaned.slice(0, 120);
}
