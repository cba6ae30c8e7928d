"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogCloseButton } from "@/components/ui/dialog";
import { createShareAction } from "@/lib/actions/create-share";
import { revokeShareAction } from "@/lib/actions/revoke-share";
import type { ShareView } from "@/lib/shares/share-types";
import { ShareLinkRow } from "./share-link-row";

type Props = { generationId: string; initialShares: ShareView[]; canShare: boolean };

/** "Share": make a public link, choose what it shows, copy it, or revoke it (confirmed). */
export function ShareDialog({ generationId, initialShares, canShare }: Props) {
  const t = useTranslations("share");
  const [open, setOpen] = useState(false);
  const [shares, setShares] = useState(initialShares);
  const [showRecipe, setShowRecipe] = useState(false);
  const [allowIndexing, setAllowIndexing] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await createShareAction({ generationId, showRecipe, allowIndexing });
      if (result.ok) setShares((current) => [result.data, ...current]);
      else setError(result.error);
    });
  const revoke = (id: string) =>
    startTransition(async () => {
      setError(undefined);
      const result = await revokeShareAction(id);
      setRevoking(null);
      if (result.ok) setShares((current) => current.filter((s) => s.id !== id));
      else setError(result.error);
    });

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        disabled={!canShare}
        title={canShare ? undefined : t("onlyFinished")}
        className="inline-flex items-center rounded-md border border-line px-3 py-2 hover:bg-panel-2 disabled:opacity-50 sm:px-4"
      >
        {t("button")}
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title")}
        description={t("description")}
        size="lg"
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">{t("options")}</legend>
          {(
            [
              ["showRecipe", showRecipe, setShowRecipe],
              ["allowIndexing", allowIndexing, setAllowIndexing],
            ] as const
          ).map(([option, checked, setChecked]) => (
            <label key={option} className="flex min-h-11 items-center gap-2 sm:min-h-0">
              <input
                type="checkbox"
                checked={checked}
                onChange={(e) => setChecked(e.target.checked)}
                className="size-4 accent-violet-500"
              />
              {t(option)}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          onClick={create}
          disabled={pending}
          className="self-start rounded-md bg-violet-700 px-4 py-2 font-medium text-white hover:bg-violet-600 disabled:opacity-50"
        >
          {t("create")}
        </button>
        {error ? (
          <p role="alert" className="text-red-300">
            {error}
          </p>
        ) : null}
        {shares.length > 0 ? (
          <ul aria-label={t("liveLinks")} className="flex flex-col gap-3">
            {shares.map((share) => (
              <ShareLinkRow key={share.id} share={share} onRevoke={setRevoking} pending={pending} />
            ))}
          </ul>
        ) : null}
        <div className="flex justify-end">
          <DialogCloseButton onClose={() => setOpen(false)} />
        </div>
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title={t("revokeTitle")}
        confirmLabel={t("revokeConfirm")}
        pendingLabel={t("revoking")}
        pending={pending}
        onConfirm={() => revoking && revoke(revoking)}
        onCancel={() => setRevoking(null)}
      >
        {t("revokeText")}
      </ConfirmDialog>
    </>
  );
}
