"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Dialog, DialogCloseButton } from "./dialog";

const CONFIRM_STYLE = {
  danger: "bg-red-700 hover:bg-red-600",
  accent: "bg-accent-strong hover:bg-accent",
};

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  /** The confirming button's name, the action's own word ("Delete", "Revoke link"). */
  confirmLabel: string;
  /** The other button's name; "Cancel" unless the choice has words of its own ("Keep draft"). */
  cancelLabel?: string | undefined;
  /** Red for what destroys; the accent for a replacement the person may well want. */
  tone?: keyof typeof CONFIRM_STYLE;
  pendingLabel?: string;
  pending?: boolean;
  /** Shown inside the dialog when the action failed, so the person can try again. */
  error?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * "Are you sure?" for actions that cannot be undone (a deletion, a draft replaced), in the
 * studio's own dialog instead of the browser's confirm(). Cancel takes the first focus, so
 * Enter never destroys by accident.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone = "danger",
  pendingLabel,
  pending = false,
  error,
  onConfirm,
  onCancel,
}: Props) {
  const t = useTranslations("ui");
  return (
    <Dialog open={open} onClose={onCancel} title={title} description={children} size="sm">
      {error ? (
        <p role="alert" className="text-red-300">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <DialogCloseButton onClose={onCancel} autoFocus>
          {cancelLabel ?? t("cancel")}
        </DialogCloseButton>
        <button
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className={`rounded-md px-4 py-2 font-medium text-white disabled:opacity-60 ${CONFIRM_STYLE[tone]}`}
        >
          {pending ? (pendingLabel ?? confirmLabel) : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
