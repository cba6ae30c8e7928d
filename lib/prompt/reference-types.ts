/**
 * References a prompt can mention. A chip in the editor points at a reference's stable id,
 * never at a number: numbers exist only in the serialized prompt sent to the provider.
 */
export type FrameRole = "first_frame" | "end_frame";
export type ReferenceSource = "upload" | "url";
export type VideoReferType = "base" | "feature";

/** What the browser (or the server, for the real answer) measured about a media file. */
export type MediaFacts = {
  /** Judged from the content (magic bytes), not from the file name; null when unknown. */
  mimeType?: string | null | undefined;
  bytes?: number | undefined;
  width?: number | undefined;
  height?: number | undefined;
};

export type VideoFacts = MediaFacts & {
  durationSeconds?: number | undefined;
  fps?: number | undefined;
};

/** What an image and a video reference share: names, and where the file lives. */
type MediaReferenceBase = {
  id: string;
  /** Display name, e.g. the file name. */
  name: string;
  /** Its stable name ("Image 3", "Video"), given when it was added; reordering never changes it. */
  label?: string | undefined;
  thumbnailUrl?: string | undefined;
  source: ReferenceSource;
  /** Where the file lives: an upload id once uploaded, or the URL the person gave. */
  uploadId?: string | undefined;
  url?: string | undefined;
};

export type ImageReference = MediaReferenceBase & {
  kind: "image";
  frame?: FrameRole | null | undefined;
  facts?: MediaFacts | undefined;
};

export type ElementReference = {
  id: string;
  kind: "element";
  name: string;
  /** Kling element ids are 64-bit integers, kept as decimal strings so nothing rounds them. */
  elementId: string;
  thumbnailUrl?: string | undefined;
  description?: string | undefined;
};

export type VideoReference = MediaReferenceBase & {
  kind: "video";
  referType: VideoReferType;
  keepOriginalSound: boolean;
  facts?: VideoFacts | undefined;
  /** The video itself, for the tray's preview frame: its media route once uploaded, or its link. */
  previewUrl?: string | undefined;
};

export type Reference = ImageReference | ElementReference | VideoReference;
export type ReferenceKind = Reference["kind"];

/** The editor document, flattened: text runs (may contain "\n") and chips. */
export type PromptSegment = { type: "text"; text: string } | { type: "chip"; refId: string };

/** A client-made reference id; crypto.randomUUID exists in browsers and Node 20. */
export function newReferenceId(): string {
  return `ref_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
}
