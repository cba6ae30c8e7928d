"use client";

import { useState, useTransition } from "react";
import { deleteGenerationsAction } from "@/lib/actions/delete-generations";

type Props = {
  selected: string[];
  loadedIds: string[];
  onChange: (ids: string[]) => void;
  onDeleted: () => void;
};

/** Bulk actions on the chosen cards: a zip of their MP4s (a plain form POST) or delete. */
export function SelectionToolbar({ selected, loadedIds, onChange, onDeleted }: Props) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const remove = () => {
    if (
      !window.confirm(
        `Delete ${selected.length} generation(s) and their files? This cannot be undone.`,
      )
    )
      return;
    setError(undefined);
    startTransition(async () => {
      const result = await deleteGenerationsAction(selected);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      onChange([]);
      onDeleted();
    });
  };
  const button = "rounded-md border border-line px-3 py-1.5 hover:bg-panel-2 disabled:opacity-50";
  return (
    <div
      role="toolbar"
      aria-label="Selection"
      className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-xl border border-line bg-panel/95 p-2 text-sm backdrop-blur"
    >
      <span aria-live="polite" className="px-2 tabular-nums">
        {selected.length} selected
      </span>
      <button type="button" className={button} onClick={() => onChange(loadedIds)}>
        Select all shown
      </button>
      <button
        type="button"
        className={button}
        onClick={() => onChange([])}
        disabled={selected.length === 0}
      >
        Clear selection
      </button>
      <form method="post" action="/api/downloads" className="contents">
        {selected.map((id) => (
          <input key={id} type="hidden" name="id" value={id} />
        ))}
        <button type="submit" className={button} disabled={selected.length === 0}>
          Download zip
        </button>
      </form>
      <button
        type="button"
        className={`${button} text-red-200`}
        onClick={remove}
        disabled={selected.length === 0 || pending}
      >
        {pending ? "Deleting…" : "Delete selected"}
      </button>
      {error ? (
        <p role="alert" className="w-full px-2 text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
