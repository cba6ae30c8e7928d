"use client";

import { useTranslations } from "next-intl";
import { type DragEvent, useState } from "react";
import { MediaThumb } from "@/components/ui/media-thumb";
import { useSay } from "@/i18n/use-say";
import { referencesOfKind, referenceTitle } from "@/lib/prompt/reference-list";
import type { FrameRole, Reference } from "@/lib/prompt/reference-types";
import {
  getReferenceDragData,
  hasDraggedFiles,
  isReferenceDrag,
} from "./prompt-editor/reference-drag";

type Props = {
  references: readonly Reference[];
  /** Makes `refId` the image for `frame` (null clears that frame). */
  onSetFrame: (frame: FrameRole, refId: string | null) => void;
  /** Files dropped on a slot: the ids of the references they became (refused ones: none). */
  onFiles: (files: File[]) => Promise<string[]>;
};

const SLOTS = [
  { frame: "first_frame", key: "startFrame" },
  { frame: "end_frame", key: "endFrame" },
] as const satisfies readonly { frame: FrameRole; key: string }[];

/**
 * Start and end frame as two slots, as in Kling: drop an image (a tray card or a file) on
 * one, or pick it from the slot's list with the keyboard. One image per slot.
 */
export function FrameSlots({ references, onSetFrame, onFiles }: Props) {
  const t = useTranslations("composer");
  const say = useSay();
  const images = referencesOfKind(references, "image");
  const [over, setOver] = useState<FrameRole | null>(null);

  const onDragOver = (frame: FrameRole) => (event: DragEvent) => {
    if (!isReferenceDrag(event.dataTransfer) && !hasDraggedFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = isReferenceDrag(event.dataTransfer) ? "link" : "copy";
    setOver(frame);
  };
  const onDrop = (frame: FrameRole) => (event: DragEvent) => {
    setOver(null);
    const refId = getReferenceDragData(event.dataTransfer);
    const files = Array.from(event.dataTransfer.files);
    if (!refId && files.length === 0) return;
    event.preventDefault();
    if (refId) {
      if (images.some((image) => image.id === refId)) onSetFrame(frame, refId);
      return;
    }
    void onFiles(files.slice(0, 1)).then(([id]) => {
      if (id) onSetFrame(frame, id);
    });
  };

  return (
    <div className="grid grid-cols-2 gap-2 sm:max-w-md">
      {SLOTS.map(({ frame, key }) => {
        const name = t(key);
        const current = images.find((image) => image.frame === frame);
        return (
          // biome-ignore lint/a11y/useSemanticElements: a drop zone holding a labelled list; a fieldset would add a legend
          <div
            key={frame}
            role="group"
            aria-label={name}
            onDragOver={onDragOver(frame)}
            onDragLeave={() => setOver(null)}
            onDrop={onDrop(frame)}
            className={`flex items-center gap-2 rounded-lg border border-dashed p-2 text-xs ${
              over === frame ? "border-accent-2 bg-accent/10" : "border-line"
            }`}
          >
            <MediaThumb
              src={current?.thumbnailUrl}
              className="size-12 rounded object-cover"
              fallback={
                <span
                  aria-hidden="true"
                  className="grid size-12 shrink-0 place-items-center rounded border border-line text-center text-[10px] text-muted"
                >
                  {t("drop")}
                </span>
              }
            />
            <label className="flex min-w-0 flex-1 flex-col gap-1">
              <span className="font-medium text-white">{name}</span>
              <select
                aria-label={t("frameImage", { slot: name })}
                value={current?.id ?? ""}
                onChange={(event) => onSetFrame(frame, event.target.value || null)}
                className="min-w-0 rounded border border-line bg-panel px-1 py-0.5 text-white"
              >
                <option value="">{t("none")}</option>
                {images.map((image) => (
                  <option key={image.id} value={image.id}>
                    {say(referenceTitle(references, image.id))}
                  </option>
                ))}
              </select>
            </label>
          </div>
        );
      })}
    </div>
  );
}
