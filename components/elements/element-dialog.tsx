"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { uploadFile } from "@/components/composer/upload-file";
import { Dialog } from "@/components/ui/dialog";
import { LabelledInput } from "@/components/ui/labelled-input";
import { useSay } from "@/i18n/use-say";
import { addElementAction } from "@/lib/actions/add-element";
import type { ElementView } from "@/lib/elements/element-schema";
import type { ElementTaskView } from "@/lib/elements/element-task-schema";
import { CreateElementForm } from "./create-element-form";
import { DialogFormFooter } from "./dialog-form-footer";
import { type ElementDialogMode, ElementDialogTabs } from "./element-dialog-tabs";
import { ElementForm } from "./element-form";
import { ElementTextField } from "./element-text-field";
import { useFormErrors } from "./use-form-errors";

type Props = {
  /** Called with the saved element; the dialog then closes and focus returns to its opener. */
  onAdded: (element: ElementView) => void;
  /** Called when Kling starts making an element from images (the library follows it). */
  onCreating?: ((task: ElementTaskView) => void) | undefined;
};

/** "Add element": the studio's dialog (focus kept inside, Escape closes) over the library. */
export function AddElementButton({ onAdded, onCreating }: Props) {
  const t = useTranslations("elements");
  const say = useSay();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<ElementDialogMode>("register");
  const { errors, formError, refused } = useFormErrors();
  // The upload's state: uploading, uploaded, or the upload's own refusal (already in words).
  const [thumbnail, setThumbnail] = useState<{ id?: string; problem?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // The dialog holds its own form; Dialog portals it out of the composer's form (no nesting).
  const close = () => setOpen(false);
  const onThumbnail = (file: File | undefined) => {
    if (!file) return setThumbnail(null);
    setThumbnail({});
    uploadFile(file, () => undefined)
      .then((view) => setThumbnail({ id: view.id }))
      .catch((error: Error) => setThumbnail({ problem: error.message }));
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
      if (refused(result)) return;
      setThumbnail(null);
      form.reset();
      close();
      onAdded(result.data);
    });
  };
  const field = (name: string, label: string, props: Record<string, unknown>) => (
    <ElementTextField
      id={`element-${name}`}
      name={name}
      label={label}
      error={errors[name]?.[0]}
      {...props}
    />
  );

  return (
    <>
      <button
        type="button"
        onClick={() => {
          // Each opening starts at the default way, registering by id.
          setMode("register");
          setOpen(true);
        }}
        className="rounded-md border border-line px-3 py-1.5 text-sm text-white hover:border-accent-2"
      >
        {t("addElement")}
      </button>
      <Dialog
        open={open}
        onClose={close}
        title={t("dialogTitle")}
        description={mode === "register" ? t("dialogHelpRegister") : t("dialogHelpCreate")}
      >
        <ElementDialogTabs mode={mode} onChange={setMode} />
        {mode === "create" ? (
          <CreateElementForm
            onCancel={close}
            onCreating={(task) => {
              close();
              onCreating?.(task);
            }}
          />
        ) : (
          <ElementForm onSubmit={onSubmit}>
            {field("name", t("registerName"), { required: true, maxLength: 20 })}
            {field("elementId", t("elementId"), {
              required: true,
              inputMode: "numeric",
              autoComplete: "off",
            })}
            {field("description", t("registerDescription"), { maxLength: 100 })}
            <div className="flex flex-col gap-1">
              <LabelledInput
                id="element-thumbnail"
                label={t("thumbnail")}
                labelClassName="text-xs text-muted"
                type="file"
                accept="image/png,image/jpeg"
                onChange={(e) => onThumbnail(e.target.files?.[0])}
                className="text-xs"
              />
              {thumbnail ? (
                <p className="text-xs text-muted" role="status">
                  {(thumbnail.problem && say(thumbnail.problem)) ??
                    (thumbnail.id ? t("thumbnailUploaded") : t("thumbnailUploading"))}
                </p>
              ) : null}
            </div>
            <DialogFormFooter
              error={formError}
              pending={pending}
              submitLabel={t("saveElement")}
              pendingLabel={t("saving")}
              onCancel={close}
            />
          </ElementForm>
        )}
      </Dialog>
    </>
  );
}
