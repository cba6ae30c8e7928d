"use client";

import { useTranslations } from "next-intl";

type Props = {
  /** Already in the reader's words (said by the form). */
  error: string | null | undefined;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
  /**
   * Given, the button only calls it (the edit form sits inside the composer's form, so it
   * must not submit); else it submits its own form.
   */
  onSave?: (() => void) | undefined;
  compact?: boolean;
};

/** The end of every element form: the form's one message, Cancel and the save button. */
export function DialogFormFooter(props: Props) {
  const { error, pending, submitLabel, pendingLabel, onCancel, onSave, compact } = props;
  const t = useTranslations("ui");
  const size = compact ? "rounded px-2 py-0.5 text-xs" : "rounded-md px-3 py-1.5 text-sm";
  return (
    <>
      {error ? (
        <p role="alert" className={`${compact ? "text-xs" : "text-sm"} text-red-300`}>
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onCancel}
          className={`${size} border border-line ${compact ? "text-muted hover:text-white" : ""}`}
        >
          {t("cancel")}
        </button>
        <button
          type={onSave ? "button" : "submit"}
          onClick={onSave}
          disabled={pending}
          className={`${size} bg-accent font-semibold text-white hover:bg-accent-2 disabled:opacity-60`}
        >
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
