"use client";

import { useTranslations } from "next-intl";
import { type ComponentType, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { deleteGenerationsAction } from "@/lib/actions/delete-generations";
import type { CollectionSummary } from "@/lib/collections/collection-schemas";
import type { GenerationView } from "@/lib/generations/generation-view";
import { SelectionCollections } from "./selection-collections";

type Props = {
  selected: string[];
  /** Every card loaded so far, in gallery order. */
  loaded: GenerationView[];
  collections: CollectionSummary[];
  onChange: (ids: string[]) => void;
  onDeleted: () => void;
};

type CompareComponent = ComponentType<{ generations: GenerationView[]; onClose: () => void }>;
/** Compare takes 2 to 4 videos; more would be too small to judge side by side. */
const COMPARE_MIN = 2;
const COMPARE_MAX = 4;

const button = "rounded-md border border-line px-3 py-1.5 hover:bg-panel-2 disabled:opacity-50";

/**
 * Bulk actions on the chosen cards: a zip of their MP4s (a plain form POST) or delete.
 * Mounted only while something is selected, floating over the grid so nothing shifts.
 */
export function SelectionToolbar(props: Props) {
  const { selected, loaded, collections, onChange, onDeleted } = props;
  const t = useTranslations("gallery");
  const compare = useTranslations("compare");
  const [Compare, setCompare] = useState<CompareComponent | null>(null);
  const chosen = selected.flatMap((id) => loaded.find((item) => item.id === id) ?? []);
  const comparable = chosen.filter((item) => item.videoUrl !== null);
  const canCompare = comparable.length >= COMPARE_MIN && comparable.length <= COMPARE_MAX;
  const openCompare = () => {
    // Loaded on demand: the gallery's first-load JavaScript stays within its budget.
    void import("./compare-view").then((module) => setCompare(() => module.CompareView));
  };
  const count = selected.length;
  const remove = useConfirmedAction(
    () => deleteGenerationsAction(selected),
    (close) => {
      close();
      onChange([]);
      onDeleted();
    },
  );
  return (
    <div
      role="toolbar"
      aria-label={t("selection")}
      className="fixed inset-x-4 bottom-4 z-30 mx-auto flex max-w-fit flex-wrap items-center gap-2 rounded-xl border border-line bg-panel/95 p-2 text-sm shadow-2xl backdrop-blur"
    >
      <span aria-live="polite" className="px-2 tabular-nums">
        {t("selected", { count })}
      </span>
      <button
        type="button"
        className={button}
        onClick={() => onChange(loaded.map((item) => item.id))}
      >
        {t("selectAll")}
      </button>
      <button type="button" className={button} onClick={() => onChange([])}>
        {t("clearSelection")}
      </button>
      <button
        type="button"
        className={button}
        onClick={openCompare}
        disabled={!canCompare}
        title={t("compareHint", { min: COMPARE_MIN, max: COMPARE_MAX })}
      >
        {compare("compare")}
      </button>
      <SelectionCollections selected={selected} collections={collections} />
      <form method="post" action="/api/downloads" className="contents">
        {selected.map((id) => (
          <input key={id} type="hidden" name="id" value={id} />
        ))}
        <button type="submit" className={button}>
          {t("downloadZip")}
        </button>
      </form>
      <button
        type="button"
        className={`${button} text-red-200`}
        onClick={remove.ask}
        disabled={remove.pending}
      >
        {t("deleteSelected")}
      </button>
      <ConfirmDialog
        {...remove.dialog}
        title={t("deleteTitle", { count })}
        confirmLabel={t("delete")}
        pendingLabel={t("deleting")}
      >
        {t("deleteText")}
      </ConfirmDialog>
      {Compare ? <Compare generations={comparable} onClose={() => setCompare(null)} /> : null}
    </div>
  );
}
