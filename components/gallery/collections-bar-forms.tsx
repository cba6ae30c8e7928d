"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createCollectionAction } from "@/lib/actions/collections";
import { useOnDemand } from "./use-on-demand";

const loadTools = () => import("./active-collection-tools").then((m) => m.ActiveCollectionTools);
const loadNameForm = () => import("./collection-name-form").then((m) => m.CollectionNameForm);

/**
 * The collections bar's client part: "New collection" (an empty one, shown after a refresh)
 * and, on a collection's own view, its rename and delete tools. "New collection" is a button
 * that opens a labelled name field in its place (a bare text box beside it read as unlabelled);
 * the field, like the tools, loads when wanted: Turbopack puts every client component a page
 * may render into its first load, so they are imported here rather than rendered directly.
 */
export function CollectionsBarForms({ active }: { active?: { id: string; name: string } }) {
  const t = useTranslations("collections");
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const NameForm = useOnDemand(loadNameForm, creating);
  const ActiveCollectionTools = useOnDemand(loadTools, active !== undefined);
  return (
    <>
      {creating && NameForm ? (
        <NameForm
          label={t("collectionName")}
          submitLabel={t("newCollection")}
          visibleLabel
          autoFocus
          onCancel={() => setCreating(false)}
          onSubmit={(name) => createCollectionAction({ name })}
          onDone={() => {
            setCreating(false);
            router.refresh();
          }}
        />
      ) : (
        <button
          type="button"
          aria-expanded={creating}
          onClick={() => setCreating(true)}
          className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-panel-2"
        >
          {t("newCollection")}
        </button>
      )}
      {active && ActiveCollectionTools ? (
        <div className="basis-full">
          <ActiveCollectionTools key={active.id} id={active.id} name={active.name} />
        </div>
      ) : null}
    </>
  );
}
