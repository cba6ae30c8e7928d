"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { deleteCollectionAction } from "@/lib/actions/delete-collection";
import { renameCollectionAction } from "@/lib/actions/rename-collection";
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
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const ConfirmDialog = useOnDemand(loadConfirm, confirming);
  const remove = () =>
    startTransition(async () => {
      const result = await deleteCollectionAction({ id });
      if (!result.ok) return setError(result.error);
      setConfirming(false);
      router.push("/gallery");
    });
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
        onClick={() => setConfirming(true)}
        className="rounded-md border border-line px-3 py-1.5 text-sm text-red-200 hover:bg-panel-2"
      >
        {t("delete")}
      </button>
      {ConfirmDialog ? (
        <ConfirmDialog
          open={confirming}
          title={t("deleteTitle", { name })}
          confirmLabel={t("deleteConfirm")}
          pendingLabel={t("deleting")}
          pending={pending}
          error={error}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        >
          {t("deleteText")}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
