"use client";

import { useLexicalNodeSelection } from "@lexical/react/useLexicalNodeSelection";
import type { NodeKey } from "lexical";
import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { MediaThumb } from "@/components/ui/media-thumb";
import { useSay } from "@/i18n/use-say";
import { referenceDescription, referenceLabel } from "@/lib/prompt/reference-list";
import { ReferenceKindIcon } from "./reference-kind-icon";
import { useReferences } from "./references-context";

/** The chip a person sees: thumbnail or icon plus the current label ("Image 2"). */
export function ReferenceChip({ refId, nodeKey }: { refId: string; nodeKey: NodeKey }) {
  const references = useReferences();
  const t = useTranslations("composer");
  const say = useSay();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const ref = references.find((r) => r.id === refId);
  const label = ref ? say(referenceLabel(references, refId)) : "…";
  const description = ref ? say(referenceDescription(references, refId)) : t("referenceBeingAdded");

  // Clicking selects the chip as a whole, so Backspace or Delete removes it in one go.
  const onMouseDown = (event: MouseEvent) => {
    event.preventDefault();
    if (!event.shiftKey) clearSelection();
    setSelected(true);
  };

  return (
    <span
      role="img"
      aria-label={description}
      title={description}
      data-chip-ref={refId}
      onMouseDown={onMouseDown}
      className={`mx-0.5 inline-flex max-w-48 cursor-default select-none items-center gap-1 rounded-md border px-1 py-px align-baseline text-xs font-medium leading-5 ${
        isSelected
          ? "border-accent-2 bg-accent/40 text-white"
          : "border-accent/50 bg-accent/15 text-accent-2"
      }`}
    >
      <MediaThumb
        src={ref?.thumbnailUrl}
        className="size-4 shrink-0 rounded-sm object-cover"
        fallback={<ReferenceKindIcon kind={ref?.kind ?? "image"} />}
      />
      <span className="truncate">{label}</span>
    </span>
  );
}
