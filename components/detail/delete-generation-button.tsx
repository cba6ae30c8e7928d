"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { deleteGenerationsAction } from "@/lib/actions/delete-generations";

/** "Delete", confirmed in the studio's dialog; an icon on a phone, named "Delete" everywhere. */
export function DeleteGenerationButton({ id }: { id: string }) {
  const t = useTranslations("detail");
  const router = useRouter();
  // The dialog stays open on "Deleting…" until the gallery replaces this page.
  const remove = useConfirmedAction(
    () => deleteGenerationsAction([id]),
    () => router.push("/gallery"),
  );
  return (
    <>
      <button
        type="button"
        onClick={remove.ask}
        title={t("delete")}
        className="inline-flex items-center justify-center gap-2 rounded-md border border-red-500/40 px-3 py-2 text-red-200 hover:bg-red-500/10 sm:px-4"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current sm:hidden">
          <path d="M8 2h4l1 2h4v2H3V4h4l1-2Zm-3 5h10l-1 11H6L5 7Z" />
        </svg>
        <span className="sr-only sm:not-sr-only">{t("delete")}</span>
      </button>
      <ConfirmDialog
        {...remove.dialog}
        title={t("deleteTitle")}
        confirmLabel={t("delete")}
        pendingLabel={t("deleting")}
      >
        {t("deleteText")}
      </ConfirmDialog>
    </>
  );
}
