"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

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
    <ConfirmDialog
      open={open}
      title={t("remixTitle")}
      confirmLabel={t("replaceDraft")}
      cancelLabel={t("keepDraft")}
      tone="accent"
      onConfirm={onReplace}
      onCancel={onKeep}
    >
      {t("remixDescription")}
    </ConfirmDialog>
  );
}
