"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/ui/dialog";
import { deleteElementAction, deleteElementAtProviderAction } from "@/lib/actions/delete-element";
import type { ElementView } from "@/lib/elements/element-schema";

type Props = {
  element: ElementView | null;
  onClose: () => void;
  onDeleted: (id: string) => void;
};

const button = "rounded-md border border-line px-3 py-1.5 text-sm disabled:opacity-60";

/**
 * Deleting asks first: delete the element at Kling (gone for every video to come), or only
 * remove it from this library (it stays at Kling and can be imported again).
 */
export function DeleteElementDialog({ element, onClose, onDeleted }: Props) {
  const t = useTranslations("elements");
  const tUi = useTranslations("ui");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (atProvider: boolean) => {
    if (!element) return;
    startTransition(async () => {
      const result = atProvider
        ? await deleteElementAtProviderAction(element.id)
        : await deleteElementAction(element.id);
      if (!result.ok) return setError(result.error);
      setError(null);
      onDeleted(element.id);
      onClose();
    });
  };
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Dialog
      open={element !== null}
      onClose={close}
      title={t("deleteTitle", { name: element?.name ?? "" })}
      size="sm"
    >
      <p className="text-sm text-muted">{t("deleteText")}</p>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-300">
          {error}
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" className={button} onClick={close}>
          {tUi("cancel")}
        </button>
        <button type="button" className={button} disabled={pending} onClick={() => run(false)}>
          {t("removeFromLibrary")}
        </button>
        {element?.source !== "preset" ? (
          <button
            type="button"
            disabled={pending}
            className={`${button} border-red-400 text-red-200`}
            onClick={() => run(true)}
          >
            {t("deleteAtKling")}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
