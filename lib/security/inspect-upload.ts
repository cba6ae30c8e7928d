import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { ascii, isJpeg, isPng, jpegSize, pngSize, readU32 } from "@/lib/media/image-header";

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
  if (bytes.length < 12) throw refuse(localMessage("serverErrors.fileCutShort"));
  if (isPng(bytes)) return checkImage("image/png", "png", pngSize(bytes));
  if (isJpeg(bytes)) {
    return checkImage("image/jpeg", "jpg", jpegSize(bytes));
  }
  const box = ascii(bytes, 4, 4);
  if (box === "ftyp") {
    const size = readU32(bytes, 0);
    if (size < 8 || size > bytes.length) throw refuse(localMessage("serverErrors.videoCutShort"));
    return ascii(bytes, 8, 4) === "qt  "
      ? { kind: "video", mimeType: "video/quicktime", extension: "mov" }
      : { kind: "video", mimeType: "video/mp4", extension: "mp4" };
  }
  throw refuse(localMessage("serverErrors.uploadTypes"));
}

function checkImage(
  mimeType: "image/png" | "image/jpeg",
  extension: "png" | "jpg",
  size: { width: number; height: number } | null,
): InspectedUpload {
  if (!size) throw refuse(localMessage("serverErrors.imageDamaged"));
  const { width, height } = size;
  if (width === 0 || height === 0) throw refuse(localMessage("serverErrors.imageNoPixels"));
  if (
    width > IMAGE_LIMITS.maxSide ||
    height > IMAGE_LIMITS.maxSide ||
    width * height > IMAGE_LIMITS.maxPixels
  ) {
    throw refuse(
      localMessage("serverErrors.imageTooLarge", {
        width,
        height,
        maxSide: IMAGE_LIMITS.maxSide,
      }),
    );
  }
  if (Math.max(width / height, height / width) > IMAGE_LIMITS.maxAspect) {
    const shape = width > height ? "wide" : "tall";
    throw refuse(localMessage("serverErrors.imageBadShape", { width, height, shape }));
  }
  if (Math.min(width, height) < IMAGE_LIMITS.minSide) {
    throw refuse(
      localMessage("serverErrors.imageTooSmall", {
        width,
        height,
        minSide: IMAGE_LIMITS.minSide,
      }),
    );
  }
  return { kind: "image", mimeType, extension, width, height };
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
