"use client";

import { useTranslations } from "next-intl";
import { Dialog, DialogCloseButton } from "@/components/ui/dialog";

type Props = {
  open: boolean;
  onReplace: () => void;
  /** Also what Escape and the backdrop do: nothing typed is lost by dismissing. */
  onKeep: () => void;
};

/** A remix arriving while the composer holds an unsent draft asks before replacing it. */
export function RemixDraftDialog({ open, onReplace, onKeep }: Props) {
  const t = useTranslations("composer");
  return (
    <Dialog
      open={open}
      onClose={onKeep}
      title={t("remixTitle")}
      description={t("remixDescription")}
      size="sm"
    >
      <div className="flex flex-wrap justify-end gap-2">
        <DialogCloseButton onClose={onKeep} autoFocus>
          {t("keepDraft")}
        </DialogCloseButton>
        <button
          type="button"
          onClick={onReplace}
          className="rounded-md bg-accent-strong px-4 py-2 font-medium text-white hover:bg-accent"
        >
          {t("replaceDraft")}
        </button>
      </div>
    </Dialog>
  );
}
