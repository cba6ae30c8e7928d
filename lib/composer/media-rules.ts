import { localMessage } from "@/i18n/local-message";
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
} from "@/lib/kling-contract/limits";
import { type ComposerIssue, megabytes } from "./composer-issue";
import type { ComposerSubmission } from "./submission-shape";

type Image = ComposerSubmission["images"][number];
type Video = ComposerSubmission["videos"][number];

/**
 * What every reference file is checked for, by kind: uploaded or linked, a type Kling takes,
 * within its size (contract §2.2). The keys stay written out so the catalogs' checks see them.
 */
const FILE_RULES = {
  image: {
    types: new Set(["image/jpeg", "image/png"]),
    maxBytes: IMAGE_MAX_BYTES,
    rules: { source: "image-source", type: "image-type", size: "image-size" },
    messages: { type: "composerRules.imageType", size: "composerRules.imageSize" },
  },
  video: {
    types: new Set(["video/mp4", "video/quicktime"]),
    maxBytes: VIDEO_MAX_BYTES,
    rules: { source: "video-source", type: "video-type", size: "video-size" },
    messages: { type: "composerRules.videoType", size: "composerRules.videoSize" },
  },
} as const;

type Add = (rule: ComposerIssue["rule"], message: string) => void;

/** Collects one reference's issues; `add` files each under that reference. */
function issuesOf(refId: string): { issues: ComposerIssue[]; add: Add } {
  const issues: ComposerIssue[] = [];
  const add: Add = (rule, message) =>
    issues.push({ rule, target: { kind: "reference", refId }, message });
  return { issues, add };
}

function checkFile(file: Image | Video, title: string, add: Add): void {
  const { types, maxBytes, rules, messages } = FILE_RULES[file.kind];
  const facts = file.facts ?? {};
  if (!file.uploadId && !file.url) {
    add(rules.source, localMessage("composerRules.notUploaded", { title }));
  }
  if (facts.mimeType !== undefined && !types.has(facts.mimeType ?? "")) {
    add(rules.type, localMessage(messages.type, { title }));
  }
  if (facts.bytes !== undefined && facts.bytes > maxBytes) {
    const sizes = { megabytes: megabytes(facts.bytes), limit: megabytes(maxBytes) };
    add(rules.size, localMessage(messages.size, { title, ...sizes }));
  }
}

/** Per-file checks of one image (contract §2.2). Facts not measured yet are not judged. */
/** `title` names the file in messages: a title message ("Image 2") or a quoted file name. */
export function checkImage(image: Image, title: string): ComposerIssue[] {
  const { issues, add } = issuesOf(image.id);
  checkFile(image, title, add);
  const facts = image.facts ?? {};
  const { width, height } = facts;
  if (width !== undefined && height !== undefined && width > 0 && height > 0) {
    if (Math.min(width, height) < IMAGE_MIN_SIDE_PX) {
      add(
        "image-too-small",
        localMessage("composerRules.imageTooSmall", {
          title,
          width,
          height,
          min: IMAGE_MIN_SIDE_PX,
        }),
      );
    }
    const aspect = width / height;
    if (aspect < IMAGE_MIN_ASPECT || aspect > IMAGE_MAX_ASPECT) {
      add(
        "image-aspect",
        localMessage("composerRules.imageAspect", {
          title,
          width,
          height,
          shape: aspect > 1 ? "wide" : "tall",
        }),
      );
    }
  }
  return issues;
}

/** Per-file checks of the reference video (contract §2.2). */
export function checkVideo(video: Video, title: string): ComposerIssue[] {
  const { issues, add } = issuesOf(video.id);
  checkFile(video, title, add);
  const facts = video.facts ?? {};
  const seconds = facts.durationSeconds;
  if (seconds !== undefined && (seconds < VIDEO_MIN_SECONDS || seconds > VIDEO_MAX_SECONDS)) {
    add(
      "video-length",
      localMessage("composerRules.videoLength", {
        title,
        seconds: Math.round(seconds * 10) / 10,
        min: VIDEO_MIN_SECONDS,
        max: VIDEO_MAX_SECONDS,
      }),
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
        localMessage("composerRules.videoResolution", {
          title,
          width,
          height,
          min: VIDEO_MIN_SIDE_PX,
          max: VIDEO_MAX_SIDE_PX,
        }),
      );
    }
  }
  const fps = facts.fps;
  if (fps !== undefined && fps > 0 && (fps < VIDEO_MIN_FPS || fps > VIDEO_MAX_FPS)) {
    add(
      "video-fps",
      localMessage("composerRules.videoFps", {
        title,
        fps: Math.round(fps * 100) / 100,
        min: VIDEO_MIN_FPS,
        max: VIDEO_MAX_FPS,
      }),
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
