"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { addToCollectionAction, createCollectionAction } from "@/lib/actions/collections";
import type { CollectionSummary } from "@/lib/collections/collection-schemas";
import { CollectionNameForm } from "./collection-name-form";

type Props = { selected: string[]; collections: CollectionSummary[] };

const button = "rounded-md border border-line px-3 py-1.5 hover:bg-panel-2 disabled:opacity-50";

/** The selection toolbar's part for collections: add the chosen cards to one, or to a new one. */
export function SelectionCollections({ selected, collections }: Props) {
  const t = useTranslations("collections");
  const router = useRouter();
  const [target, setTarget] = useState(collections[0]?.id ?? "");
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const add = () =>
    startTransition(async () => {
      const result = await addToCollectionAction({ id: target, generationIds: selected });
      const name = collections.find((collection) => collection.id === target)?.name;
      setMessage(
        result.ok ? t("added", { count: result.data.added, name: name ?? "" }) : result.error,
      );
      if (result.ok) router.refresh();
    });
  return (
    <>
      {collections.length > 0 ? (
        <>
          <select
            aria-label={t("collection")}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            className="rounded-md border border-line bg-panel-2 px-2 py-1.5"
          >
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name}
              </option>
            ))}
          </select>
          <button type="button" className={button} onClick={add} disabled={pending || !target}>
            {t("addTo")}
          </button>
        </>
      ) : null}
      <CollectionNameForm
        label={t("newCollectionName")}
        submitLabel={t("newCollection")}
        onSubmit={(name) => createCollectionAction({ name, generationIds: selected })}
        onDone={() => {
          setMessage(t("made", { count: selected.length }));
          router.refresh();
        }}
      />
      {message ? (
        <span role="status" className="px-2 text-xs">
          {message}
        </span>
      ) : null}
    </>
  );
}
