"use client";

import { useRef, useState, useTransition } from "react";
import { createShareAction } from "@/lib/actions/create-share";
import { revokeShareAction } from "@/lib/actions/revoke-share";
import type { ShareView } from "@/lib/shares/share-types";
import { ShareLinkRow } from "./share-link-row";

type Props = { generationId: string; initialShares: ShareView[]; canShare: boolean };

/** "Share": make a public link, choose what it shows, copy it, or revoke it. */
export function ShareDialog({ generationId, initialShares, canShare }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [shares, setShares] = useState(initialShares);
  const [showRecipe, setShowRecipe] = useState(false);
  const [allowIndexing, setAllowIndexing] = useState(false);
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
      if (result.ok) setShares((current) => current.filter((s) => s.id !== id));
      else setError(result.error);
    });

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        disabled={!canShare}
        title={canShare ? undefined : "Only a finished video can be shared"}
        className="rounded-md border border-line px-4 py-2 hover:bg-panel-2 disabled:opacity-50"
      >
        Share
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="share-title"
        className="m-auto w-full max-w-lg rounded-xl border border-line bg-panel p-5 text-sm text-white backdrop:bg-black/60"
      >
        <div className="flex flex-col gap-4">
          <h2 id="share-title" className="text-lg font-semibold">
            Share this video
          </h2>
          <p className="text-muted">
            Anyone with the link can watch the video, without signing in. Revoke it at any time.
          </p>
          <fieldset className="flex flex-col gap-2">
            <legend className="sr-only">Link options</legend>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={showRecipe}
                onChange={(e) => setShowRecipe(e.target.checked)}
              />
              Show the recipe (prompt and references)
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={allowIndexing}
                onChange={(e) => setAllowIndexing(e.target.checked)}
              />
              Let search engines index the page
            </label>
          </fieldset>
          <button
            type="button"
            onClick={create}
            disabled={pending}
            className="self-start rounded-md bg-violet-700 px-4 py-2 font-medium text-white hover:bg-violet-600 disabled:opacity-50"
          >
            Create link
          </button>
          {error ? (
            <p role="alert" className="text-red-300">
              {error}
            </p>
          ) : null}
          {shares.length > 0 ? (
            <ul aria-label="Live links" className="flex flex-col gap-3">
              {shares.map((share) => (
                <ShareLinkRow key={share.id} share={share} onRevoke={revoke} pending={pending} />
              ))}
            </ul>
          ) : null}
          <form method="dialog" className="self-end">
            <button
              type="submit"
              className="rounded-md border border-line px-4 py-2 hover:bg-panel-2"
            >
              Close
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
