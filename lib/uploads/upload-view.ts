import { mediaUrl } from "@/lib/storage/media-url";

/** What POST /api/uploads answers and the composer keeps: the server's measures of the file. */
export type UploadView = {
  id: string;
  kind: "image" | "video";
  /** Where the studio serves the file (same origin). */
  url: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  fps: number | null;
  bytes: number;
  mimeType: string;
};

/** The measures an upload's row holds, named as in the view. */
type MeasuredFields = "width" | "height" | "durationSeconds" | "fps" | "bytes" | "mimeType";

export function toUploadView(
  row: Pick<UploadView, "id" | MeasuredFields> & { kind: string; mediaPath: string },
): UploadView {
  return {
    id: row.id,
    kind: row.kind === "video" ? "video" : "image",
    url: mediaUrl(row.mediaPath),
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
    fps: row.fps,
    bytes: row.bytes,
    mimeType: row.mimeType,
  };
}
