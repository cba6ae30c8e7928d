"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import {
  addToCollectionAction,
  createCollectionAction,
  removeFromCollectionAction,
} from "@/lib/actions/collections";
import type { CollectionSummary } from "@/lib/collections/collection-schemas";
import { CollectionNameForm } from "./collection-name-form";

type Props = { generationId: string; collections: CollectionSummary[]; memberOf: string[] };

/**
 * The detail page's collections: one checkbox per collection (checked = in it), so a
 * generation can be in several; a change is saved at once and undone if the server refuses.
 */
export function CollectionMembership({ generationId, collections, memberOf }: Props) {
  const t = useTranslations("collections");
  const router = useRouter();
  const [inside, setInside] = useState(() => new Set(memberOf));
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const toggle = (id: string, on: boolean) => {
    const flip = (value: boolean) =>
      setInside((current) => {
        const next = new Set(current);
        if (value) next.add(id);
        else next.delete(id);
        return next;
      });
    flip(on);
    startTransition(async () => {
      const input = { id, generationIds: [generationId] };
      const result = on
        ? await addToCollectionAction(input)
        : await removeFromCollectionAction(input);
      setError(result.ok ? undefined : result.error);
      if (!result.ok) flip(!on);
    });
  };
  return (
    // As wide as its content (up to a readable measure), not the page: it is a side panel.
    <fieldset
      className="flex w-full max-w-md flex-col gap-2 self-start rounded-xl border border-line p-3"
      aria-busy={pending}
    >
      <legend className="px-1 text-sm font-medium">{t("addTo")}</legend>
      {collections.length === 0 ? (
        <p className="text-xs text-muted">{t("none")}</p>
      ) : (
        <div className="flex flex-wrap gap-3">
          {collections.map((collection) => (
            <label key={collection.id} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={inside.has(collection.id)}
                onChange={(event) => toggle(collection.id, event.target.checked)}
                className="size-5 accent-violet-500"
              />
              {collection.name}
            </label>
          ))}
        </div>
      )}
      <CollectionNameForm
        label={t("newCollectionName")}
        submitLabel={t("newCollection")}
        visibleLabel
        onSubmit={(name) => createCollectionAction({ name, generationIds: [generationId] })}
        onDone={() => router.refresh()}
      />
      {error ? (
        <p role="alert" className="text-xs text-red-300">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
