import "server-only";
import { readFile } from "node:fs/promises";
import { localMessage } from "@/i18n/local-message";
import { checkImage, checkVideo } from "@/lib/composer/media-rules";
import { sniffVideoType } from "@/lib/composer/sniff-media-type";
import { AppError } from "@/lib/errors";
import { probeVideo } from "@/lib/media/probe-video";
import { type InspectedUpload, inspectUpload } from "@/lib/security/inspect-upload";

export type Measured = {
  inspected: InspectedUpload;
  width: number;
  height: number;
  durationSeconds: number | null;
  fps: number | null;
};

/**
 * What a received file is and measures, judged as the upload route judges it: pictures by
 * their header (type, size, the contract's limits), videos by ffprobe with the container
 * forced (lib/media/untrusted-input.ts) and the contract's video rules. Also used for the
 * media in an imported archive, which must pass the same checks.
 */
export async function measureUpload(tempPath: string, head: Uint8Array): Promise<Measured> {
  const videoType = sniffVideoType(head);
  if (!videoType) {
    const inspected = inspectUpload(await readFile(tempPath));
    if (inspected.kind !== "image")
      throw new AppError("invalid_input", localMessage("serverErrors.unsupportedFile"));
    const issues = checkImage(
      {
        ...PLACEHOLDER,
        kind: "image",
        facts: { mimeType: inspected.mimeType, width: inspected.width, height: inspected.height },
      },
      "The image",
    );
    if (issues[0]) throw new AppError("invalid_input", issues[0].message);
    return {
      inspected,
      width: inspected.width,
      height: inspected.height,
      durationSeconds: null,
      fps: null,
    };
  }
  const probe = await probeVideo(tempPath);
  const issues = checkVideo(
    {
      ...PLACEHOLDER,
      kind: "video",
      referType: "feature",
      keepOriginalSound: false,
      facts: {
        mimeType: videoType,
        width: probe.width,
        height: probe.height,
        durationSeconds: probe.durationSeconds,
        fps: probe.fps,
      },
    },
    "The video",
  );
  if (issues[0]) throw new AppError("invalid_input", issues[0].message);
  const inspected: InspectedUpload = {
    kind: "video",
    mimeType: videoType,
    extension: videoType === "video/quicktime" ? "mov" : "mp4",
  };
  return {
    inspected,
    width: probe.width,
    height: probe.height,
    durationSeconds: probe.durationSeconds,
    fps: probe.fps,
  };
}

// The per-file rules want a reference; only its facts matter here.
const PLACEHOLDER = { id: "ref_upload", name: "upload", source: "upload" as const, uploadId: "up" };
