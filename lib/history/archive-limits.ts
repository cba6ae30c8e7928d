import { IMAGE_MAX_BYTES, VIDEO_MAX_BYTES } from "@/lib/kling-contract/limits";

/**
 * What an import archive may hold. The body and the unpacked total are capped by
 * IMPORT_MAX_BYTES (lib/env.ts); these are the per-entry caps, read from the zip's central
 * directory before anything is unpacked and enforced again while unpacking.
 */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
export const MAX_ENTRIES = 50_000;
/** Stored results: the cap the worker downloads them under (lib/storage/download-to-file.ts). */
export const MAX_RESULT_BYTES = 500 * 1024 * 1024;
export const MAX_POSTER_BYTES = IMAGE_MAX_BYTES;
export const MAX_UPLOAD_BYTES = { image: IMAGE_MAX_BYTES, video: VIDEO_MAX_BYTES } as const;
/**
 * Pictures and videos hardly compress (exports store them uncompressed): a media entry that
 * unpacks to more than this many times its packed size is a zip bomb, not a photo.
 */
export const MAX_MEDIA_RATIO = 10;
/** Below this size the ratio says nothing (a tiny PNG of one colour compresses well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;
