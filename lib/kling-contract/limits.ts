/** Limits from the API contract (shared/cometapi-kling-omni.md §2), used by client and server. */
export const MAX_PROMPT_CHARS = 2500;

export const MODES = ["std", "pro"] as const;
export type Mode = (typeof MODES)[number];

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/**
 * Any duration some model takes: O1 "3"–"10" (text-to-video and first-frame only 5 and 10),
 * Kling 3.0 Omni "3"–"15" (lib/generations/models.ts; the per-model rule is in setting-rules).
 */
export const DURATIONS = [
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
  "11",
  "12",
  "13",
  "14",
  "15",
] as const;
export type Duration = (typeof DURATIONS)[number];
export const TEXT_TO_VIDEO_DURATIONS: readonly Duration[] = ["5", "10"];

export const MAX_VIDEOS = 1;
export const MAX_IMAGES_AND_ELEMENTS = 7;
export const MAX_IMAGES_AND_ELEMENTS_WITH_VIDEO = 4;
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_MIN_SIDE_PX = 300;
export const IMAGE_MIN_ASPECT = 1 / 2.5;
export const IMAGE_MAX_ASPECT = 2.5;
export const VIDEO_MAX_BYTES = 200 * 1024 * 1024;
export const VIDEO_MIN_SECONDS = 3;
export const VIDEO_MAX_SECONDS = 10;
export const VIDEO_MIN_SIDE_PX = 720;
export const VIDEO_MAX_SIDE_PX = 2160;
export const VIDEO_MIN_FPS = 24;
export const VIDEO_MAX_FPS = 60;
