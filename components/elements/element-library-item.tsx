"use client";

import { useTranslations } from "next-intl";
import { MediaThumb } from "@/components/ui/media-thumb";
import { ELEMENT_TAG_NAMES, type ElementTag } from "@/lib/cometapi/elements-types";
import type { ElementView } from "@/lib/elements/element-schema";
import { setElementDragData } from "./element-drag";

type Props = {
  element: ElementView;
  editing: boolean;
  onUse: () => void;
  onEdit: () => void;
  onDelete: () => void;
};

const smallButton =
  "rounded border border-line px-1.5 py-0.5 text-xs text-muted hover:text-white disabled:opacity-60";

function isTag(tag: string | undefined): tag is ElementTag {
  return ELEMENT_TAG_NAMES.includes(tag as ElementTag);
}

/** One library element: front view, name and tag; drag it into the prompt, or use the buttons. */
export function ElementLibraryItem({ element, editing, onUse, onEdit, onDelete }: Props) {
  const t = useTranslations("elements");
  const name = element.name;
  const actions = [
    { word: t("use"), label: t("useLabel", { name }), onClick: onUse },
    { word: t("edit"), label: t("editLabel", { name }), onClick: onEdit, edit: true },
    { word: t("delete"), label: t("deleteLabel", { name }), onClick: onDelete },
  ];
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dragging is the pointer's shortcut; the keyboard has "Use"
    <div
      className="flex min-w-0 flex-1 flex-wrap items-center gap-2"
      draggable
      data-element-id={element.elementId}
      onDragStart={(event) => setElementDragData(event.dataTransfer, element)}
    >
      <MediaThumb
        src={element.thumbnailUrl}
        alt={t("frontViewAlt", { name })}
        className="size-10 rounded object-cover"
        draggable={false}
        fallback={
          // No picture (registered without one, or an import Kling sent none for): the name's
          // first letter on a dashed tile, said as such, instead of an empty box.
          <span
            role="img"
            aria-label={t("noPicture", { name })}
            className="flex size-10 items-center justify-center rounded border border-dashed border-line text-sm text-muted"
          >
            {[...name][0]?.toUpperCase()}
          </span>
        }
      />
      <span className="font-medium text-white">{name}</span>
      {element.tag ? (
        <span className="rounded bg-panel-2 px-1.5 text-xs text-accent-2">
          {isTag(element.tag) ? t(`tags.${element.tag}`) : element.tag}
        </span>
      ) : null}
      <span className="text-xs text-muted">{element.elementId}</span>
      {element.description ? (
        <span className="min-w-0 truncate text-xs text-muted">{element.description}</span>
      ) : null}
      <span className="ml-auto flex gap-1">
        {actions.map((action) => (
          <button
            key={action.word}
            type="button"
            className={smallButton}
            aria-label={action.label}
            onClick={action.onClick}
            {...(action.edit ? { "data-edit-id": element.id, "aria-expanded": editing } : {})}
          >
            {action.word}
          </button>
        ))}
      </span>
    </div>
  );
}
