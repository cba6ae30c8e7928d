"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { COLLECTION_NAME_MAX, checkCollectionName } from "@/lib/collections/collection-name";
import type { ActionResult } from "@/lib/errors";

type Props = {
  /** The textbox's accessible name ("Collection name", "New name"). */
  label: string;
  /** The submit button's name ("New collection", "Rename collection"). */
  submitLabel: string;
  initial?: string;
  /** Show the label above the textbox (where there is room) instead of only naming it. */
  visibleLabel?: boolean;
  /** Focus the textbox at once: it was just opened by a button the person pressed. */
  autoFocus?: boolean;
  /** A way back without a name: a Cancel button, and Escape in the textbox. */
  onCancel?: () => void;
  onSubmit: (name: string) => Promise<ActionResult<unknown>>;
  onDone: () => void;
};

/** One name field for creating and renaming collections, checked by the actions' own schema. */
export function CollectionNameForm(props: Props) {
  const { label, submitLabel, initial = "", visibleLabel = false, onSubmit, onDone } = props;
  const { autoFocus = false, onCancel } = props;
  const fieldId = useId();
  const t = useTranslations("collections");
  const ui = useTranslations("ui");
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = checkCollectionName(name);
    if (!checked.ok) {
      setError(t(checked.problem, { max: COLLECTION_NAME_MAX }));
      return;
    }
    startTransition(async () => {
      const result = await onSubmit(checked.name);
      if (!result.ok) setError(result.error);
      else {
        setError(undefined);
        setName("");
        onDone();
      }
    });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <label
        htmlFor={fieldId}
        className={visibleLabel ? "w-full text-xs font-medium text-muted" : "sr-only"}
      >
        {label}
      </label>
      <input
        id={fieldId}
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={COLLECTION_NAME_MAX}
        // Where the label is for screen readers only, the empty box says what it is for too.
        placeholder={visibleLabel ? undefined : label}
        // biome-ignore lint/a11y/noAutofocus: only ever set right after the person opened the field
        autoFocus={autoFocus}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel?.();
        }}
        className="min-w-0 rounded-md border border-line bg-panel-2 px-2 py-1.5 text-sm text-white"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-panel-2 disabled:opacity-50"
      >
        {submitLabel}
      </button>
      {onCancel ? (
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-3 py-1.5 text-sm text-muted hover:bg-panel-2"
        >
          {ui("cancel")}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-xs text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
