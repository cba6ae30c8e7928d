"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useRef, useState, useTransition } from "react";
import { updateElementAction } from "@/lib/actions/update-element";
import type { ElementView } from "@/lib/elements/element-schema";
import { DialogFormFooter } from "./dialog-form-footer";
import { ElementTextField } from "./element-text-field";
import { useFormErrors } from "./use-form-errors";

type Props = {
  element: ElementView;
  onSaved: (element: ElementView) => void;
  /** Closes the form; the library returns focus to the element's "Edit" button. */
  onCancel: () => void;
};

/**
 * Rename an element or change its description (or its Kling id) in place. It sits inside
 * the composer's form, so it is a fieldset, not a nested form: Enter saves here instead of
 * submitting the composer, and Escape cancels.
 */
export function ElementEditForm({ element, onSaved, onCancel }: Props) {
  const t = useTranslations("elements");
  const [values, setValues] = useState({
    name: element.name,
    elementId: element.elementId,
    description: element.description ?? "",
  });
  const { errors, formError, refused } = useFormErrors();
  const [pending, startTransition] = useTransition();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = () =>
    startTransition(async () => {
      const result = await updateElementAction(element.id, values);
      if (refused(result)) return;
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
  const field = (name: keyof typeof values, label: string, maxLength: number) => (
    <ElementTextField
      id={`edit-${element.id}-${name}`}
      label={label}
      error={errors[name]?.[0]}
      compact
      ref={name === "name" ? first : undefined}
      value={values[name]}
      maxLength={maxLength}
      autoComplete="off"
      inputMode={name === "elementId" ? "numeric" : undefined}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
    />
  );

  return (
    <fieldset
      onKeyDown={onKeyDown}
      className="flex w-full min-w-0 flex-col gap-2 rounded-md border border-line p-2"
    >
      <legend className="sr-only">{t("editLegend", { name: element.name })}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        {field("name", t("name"), 20)}
        {field("elementId", t("elementId"), 19)}
        {field("description", t("description"), 100)}
      </div>
      <DialogFormFooter
        error={formError}
        pending={pending}
        submitLabel={t("save")}
        pendingLabel={t("saving")}
        onCancel={onCancel}
        onSave={save}
        compact
      />
    </fieldset>
  );
}
