"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { createPortal } from "react-dom";
import { uploadFile } from "@/components/composer/upload-file";
import { addElementAction } from "@/lib/actions/add-element";
import type { ElementView } from "@/lib/elements/element-schema";

type Props = {
  /** Called with the saved element; the dialog then closes and focus returns to its opener. */
  onAdded: (element: ElementView) => void;
};

const inputClass = "rounded-md border border-line bg-panel-2 px-3 py-2 text-sm text-white";

/** "Add element": a native modal dialog (focus kept inside, Escape closes) over the library. */
export function AddElementButton({ onAdded }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [thumbnail, setThumbnail] = useState<{ id?: string; state: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // The dialog holds its own form, so it lives outside the composer's form (no nesting).
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => setHost(document.body), []);

  const close = () => {
    dialog.current?.close();
    opener.current?.focus();
  };
  const onThumbnail = (file: File | undefined) => {
    if (!file) return setThumbnail(null);
    setThumbnail({ state: "Uploading…" });
    uploadFile(file, () => undefined)
      .then((view) => setThumbnail({ id: view.id, state: "Uploaded" }))
      .catch((error: Error) => setThumbnail({ state: error.message }));
  };
  const onSubmit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    startTransition(async () => {
      const result = await addElementAction({
        name: String(data.get("name") ?? ""),
        elementId: String(data.get("elementId") ?? ""),
        description: String(data.get("description") ?? ""),
        ...(thumbnail?.id ? { thumbnailUploadId: thumbnail.id } : {}),
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      setErrors({});
      setFormError(null);
      setThumbnail(null);
      form.reset();
      close();
      onAdded(result.data);
    });
  };
  const field = (name: string, label: string, props: Record<string, unknown>) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`element-${name}`} className="text-xs text-muted">
        {label}
      </label>
      <input
        id={`element-${name}`}
        name={name}
        className={inputClass}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `element-${name}-error` : undefined}
        {...props}
      />
      {errors[name] ? (
        <p id={`element-${name}-error`} className="text-xs text-red-300">
          {errors[name]?.[0]}
        </p>
      ) : null}
    </div>
  );

  return (
    <>
      <button
        ref={opener}
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-line px-3 py-1.5 text-sm text-white hover:border-accent-2"
      >
        Add element
      </button>
      {host
        ? createPortal(
            <dialog
              ref={dialog}
              aria-labelledby="element-dialog-title"
              onClose={() => opener.current?.focus()}
              className="m-auto w-full max-w-md rounded-xl border border-line bg-panel p-4 text-white backdrop:bg-black/60"
            >
              <form
                method="dialog"
                noValidate
                className="flex flex-col gap-3"
                onSubmit={(event) => {
                  event.preventDefault();
                  event.stopPropagation();
                  onSubmit(event.currentTarget);
                }}
              >
                <h2 id="element-dialog-title" className="text-lg font-semibold">
                  Add a Kling element
                </h2>
                <p className="text-xs text-muted">
                  Register an element you created with Kling: its name and the id Kling gave it.
                </p>
                {field("name", "Name (up to 20 characters)", { required: true, maxLength: 20 })}
                {field("elementId", "Element id", {
                  required: true,
                  inputMode: "numeric",
                  autoComplete: "off",
                })}
                {field("description", "Description (optional, up to 100 characters)", {
                  maxLength: 100,
                })}
                <div className="flex flex-col gap-1">
                  <label htmlFor="element-thumbnail" className="text-xs text-muted">
                    Thumbnail (optional)
                  </label>
                  <input
                    id="element-thumbnail"
                    type="file"
                    accept="image/png,image/jpeg"
                    onChange={(e) => onThumbnail(e.target.files?.[0])}
                    className="text-xs"
                  />
                  {thumbnail ? (
                    <p className="text-xs text-muted" role="status">
                      {thumbnail.state}
                    </p>
                  ) : null}
                </div>
                {formError ? (
                  <p role="alert" className="text-sm text-red-300">
                    {formError}
                  </p>
                ) : null}
                <div className="flex justify-end gap-2">
                  <button
                    type="button"
                    onClick={close}
                    className="rounded-md border border-line px-3 py-1.5 text-sm"
                  >
                    Cancel
                  </button>
                  <button
                    type="submit"
                    disabled={pending}
                    className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold hover:bg-accent-2 disabled:opacity-60"
                  >
                    {pending ? "Saving…" : "Save element"}
                  </button>
                </div>
              </form>
            </dialog>,
            host,
          )
        : null}
    </>
  );
}
