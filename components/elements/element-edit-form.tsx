"use client";

import { type KeyboardEvent, useEffect, useRef, useState, useTransition } from "react";
import { updateElementAction } from "@/lib/actions/update-element";
import type { ElementView } from "@/lib/elements/element-schema";

type Props = {
  element: ElementView;
  onSaved: (element: ElementView) => void;
  /** Closes the form; the library returns focus to the element's "Edit" button. */
  onCancel: () => void;
};

const inputClass = "rounded-md border border-line bg-panel-2 px-2 py-1 text-sm text-white";

/**
 * Rename an element or change its description (or its Kling id) in place. It sits inside
 * the composer's form, so it is a fieldset, not a nested form: Enter saves here instead of
 * submitting the composer, and Escape cancels.
 */
export function ElementEditForm({ element, onSaved, onCancel }: Props) {
  const [values, setValues] = useState({
    name: element.name,
    elementId: element.elementId,
    description: element.description ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = () =>
    startTransition(async () => {
      const result = await updateElementAction(element.id, values);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      onSaved(result.data);
    });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      save();
    }
  };
  const field = (name: keyof typeof values, label: string, maxLength: number) => {
    const id = `edit-${element.id}-${name}`;
    const error = errors[name]?.[0];
    return (
      <div className="flex min-w-0 flex-col gap-0.5">
        <label htmlFor={id} className="text-xs text-muted">
          {label}
        </label>
        <input
          id={id}
          ref={name === "name" ? first : undefined}
          value={values[name]}
          maxLength={maxLength}
          autoComplete="off"
          inputMode={name === "elementId" ? "numeric" : undefined}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={inputClass}
        />
        {error ? (
          <p id={`${id}-error`} className="text-xs text-red-300">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <fieldset
      onKeyDown={onKeyDown}
      className="flex w-full min-w-0 flex-col gap-2 rounded-md border border-line p-2"
    >
      <legend className="sr-only">Edit element {element.name}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        {field("name", "Name", 20)}
        {field("elementId", "Element id", 19)}
        {field("description", "Description", 100)}
      </div>
      {formError ? (
        <p role="alert" className="text-xs text-red-300">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-line px-2 py-0.5 text-xs text-muted hover:text-white"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={save}
          disabled={pending}
          className="rounded bg-accent px-2 py-0.5 text-xs font-semibold text-white hover:bg-accent-2 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
    </fieldset>
  );
}
