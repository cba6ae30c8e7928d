"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { deleteCollectionAction, renameCollectionAction } from "@/lib/actions/collections";
import { CollectionNameForm } from "./collection-name-form";
import { useOnDemand } from "./use-on-demand";

// The dialog (and its focus handling) is fetched when Delete is first pressed.
const loadConfirm = () => import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog);

/**
 * Rename and delete for the collection being viewed. Its own client component, so the
 * gallery's plain view (no collection chosen) does not load it.
 */
export function ActiveCollectionTools({ id, name }: { id: string; name: string }) {
  const t = useTranslations("collections");
  const router = useRouter();
  const remove = useConfirmedAction(
    () => deleteCollectionAction({ id }),
    (close) => {
      close();
      router.push("/gallery");
    },
  );
  const ConfirmDialog = useOnDemand(loadConfirm, remove.dialog.open);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <CollectionNameForm
        label={t("newName")}
        submitLabel={t("rename")}
        initial={name}
        onSubmit={(newName) => renameCollectionAction({ id, name: newName })}
        onDone={() => router.refresh()}
      />
      <button
        type="button"
        onClick={remove.ask}
        className="rounded-md border border-line px-3 py-1.5 text-sm text-red-200 hover:bg-panel-2"
      >
        {t("delete")}
      </button>
      {ConfirmDialog ? (
        <ConfirmDialog
          {...remove.dialog}
          title={t("deleteTitle", { name })}
          confirmLabel={t("deleteConfirm")}
          pendingLabel={t("deleting")}
        >
          {t("deleteText")}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
