import {
  IMAGE_MAX_ASPECT,
  IMAGE_MAX_BYTES,
  IMAGE_MIN_ASPECT,
  IMAGE_MIN_SIDE_PX,
  VIDEO_MAX_BYTES,
  VIDEO_MAX_FPS,
  VIDEO_MAX_SECONDS,
  VIDEO_MAX_SIDE_PX,
  VIDEO_MIN_FPS,
  VIDEO_MIN_SECONDS,
  VIDEO_MIN_SIDE_PX,
} from "@/lib/generations/limits";
import { type ComposerIssue, formatMegabytes } from "./composer-issue";
import type { ComposerSubmission } from "./submission-shape";

type Image = ComposerSubmission["images"][number];
type Video = ComposerSubmission["videos"][number];

const IMAGE_TYPES = new Set(["image/jpeg", "image/png"]);
const VIDEO_TYPES = new Set(["video/mp4", "video/quicktime"]);

/** Per-file checks of one image (contract §2.2). Facts not measured yet are not judged. */
export function checkImage(image: Image, title: string): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const add = (rule: ComposerIssue["rule"], message: string) =>
    issues.push({ rule, target: { kind: "reference", refId: image.id }, message });
  const facts = image.facts ?? {};

  if (!image.uploadId && !image.url) {
    add("image-source", `${title} has not finished uploading; wait for it or remove it.`);
  }
  if (facts.mimeType !== undefined && !IMAGE_TYPES.has(facts.mimeType ?? "")) {
    add(
      "image-type",
      `${title} is not a JPEG or PNG file (judged by its content). Save it as JPEG or PNG and add it again.`,
    );
  }
  if (facts.bytes !== undefined && facts.bytes > IMAGE_MAX_BYTES) {
    add(
      "image-size",
      `${title} is ${formatMegabytes(facts.bytes)}; images may be at most 10 MB. Compress or resize it.`,
    );
  }
  const { width, height } = facts;
  if (width !== undefined && height !== undefined && width > 0 && height > 0) {
    if (Math.min(width, height) < IMAGE_MIN_SIDE_PX) {
      add(
        "image-too-small",
        `${title} is ${width}×${height} px; each side must be at least ${IMAGE_MIN_SIDE_PX} px. Use a larger image.`,
      );
    }
    const aspect = width / height;
    if (aspect < IMAGE_MIN_ASPECT || aspect > IMAGE_MAX_ASPECT) {
      add(
        "image-aspect",
        `${title} is ${width}×${height} px, too ${aspect > 1 ? "wide" : "tall"}: the shape must be between 1:2.5 and 2.5:1. Crop it.`,
      );
    }
  }
  return issues;
}

/** Per-file checks of the reference video (contract §2.2). */
export function checkVideo(video: Video, title: string): ComposerIssue[] {
  const issues: ComposerIssue[] = [];
  const add = (rule: ComposerIssue["rule"], message: string) =>
    issues.push({ rule, target: { kind: "reference", refId: video.id }, message });
  const facts = video.facts ?? {};

  if (!video.uploadId && !video.url) {
    add("video-source", `${title} has not finished uploading; wait for it or remove it.`);
  }
  if (facts.mimeType !== undefined && !VIDEO_TYPES.has(facts.mimeType ?? "")) {
    add(
      "video-type",
      `${title} is not an MP4 or MOV file (judged by its content). Convert it to MP4 and add it again.`,
    );
  }
  if (facts.bytes !== undefined && facts.bytes > VIDEO_MAX_BYTES) {
    add(
      "video-size",
      `${title} is ${formatMegabytes(facts.bytes)}; the video may be at most 200 MB. Compress or shorten it.`,
    );
  }
  const seconds = facts.durationSeconds;
  if (seconds !== undefined && (seconds < VIDEO_MIN_SECONDS || seconds > VIDEO_MAX_SECONDS)) {
    add(
      "video-length",
      `${title} is ${seconds.toFixed(1)} s long; it must be ${VIDEO_MIN_SECONDS}–${VIDEO_MAX_SECONDS} s. Trim it.`,
    );
  }
  const { width, height } = facts;
  if (width !== undefined && height !== undefined && width > 0 && height > 0) {
    if (
      Math.min(width, height) < VIDEO_MIN_SIDE_PX ||
      Math.max(width, height) > VIDEO_MAX_SIDE_PX
    ) {
      add(
        "video-resolution",
        `${title} is ${width}×${height} px; each side must be ${VIDEO_MIN_SIDE_PX}–${VIDEO_MAX_SIDE_PX} px. Re-export it, e.g. at 1280×720 or 1920×1080.`,
      );
    }
  }
  const fps = facts.fps;
  if (fps !== undefined && fps > 0 && (fps < VIDEO_MIN_FPS || fps > VIDEO_MAX_FPS)) {
    add(
      "video-fps",
      `${title} runs at ${Math.round(fps * 100) / 100} fps; it must be ${VIDEO_MIN_FPS}–${VIDEO_MAX_FPS} fps. Re-export it at 24, 30 or 60 fps.`,
    );
  }
  return issues;
}

const LONG_MAX = 9223372036854775807n;

export function isValidElementId(elementId: string): boolean {
  if (!/^\d{1,19}$/.test(elementId)) return false;
  const value = BigInt(elementId);
  return value > 0n && value <= LONG_MAX;
}
