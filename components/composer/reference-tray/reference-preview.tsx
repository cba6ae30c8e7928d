"use client";

import { MediaThumb } from "@/components/ui/media-thumb";
import type { Reference } from "@/lib/prompt/reference-types";
import { ReferenceKindIcon } from "../prompt-editor/reference-kind-icon";

const BOX = "size-14 shrink-0 rounded object-cover";

/**
 * The tray card's picture: an image's thumbnail, or a video's first frame (the browser
 * decodes only what it needs for that: metadata and one frame, `#t=0.1` past any black
 * lead-in), else the kind's icon while there is nothing to show yet.
 */
export function ReferencePreview({ reference: ref }: { reference: Reference }) {
  if (ref.kind === "video" && ref.previewUrl) {
    return (
      <video
        src={`${ref.previewUrl}#t=0.1`}
        preload="metadata"
        muted
        playsInline
        aria-hidden="true"
        tabIndex={-1}
        data-testid="video-preview"
        className={`${BOX} bg-black`}
      />
    );
  }
  return (
    <MediaThumb
      src={ref.thumbnailUrl}
      className={BOX}
      fallback={
        <span className="grid size-14 shrink-0 place-items-center rounded bg-panel text-muted">
          <ReferenceKindIcon kind={ref.kind} className="size-6" />
        </span>
      }
    />
  );
}
