"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createCollectionAction } from "@/lib/actions/create-collection";
import { CollectionNameForm } from "./collection-name-form";
import { useOnDemand } from "./use-on-demand";

const loadTools = () => import("./active-collection-tools").then((m) => m.ActiveCollectionTools);

/**
 * The collections bar's client part: "New collection" (an empty one, shown after a refresh)
 * and, on a collection's own view, its rename and delete tools. Those load after the page
 * is up: Turbopack puts every client component a page may render into its first load, so
 * they are imported here rather than rendered by the server component directly.
 */
export function CollectionsBarForms({ active }: { active?: { id: string; name: string } }) {
  const t = useTranslations("collections");
  const router = useRouter();
  const ActiveCollectionTools = useOnDemand(loadTools, active !== undefined);
  return (
    <>
      <CollectionNameForm
        label={t("collectionName")}
        submitLabel={t("newCollection")}
        onSubmit={(name) => createCollectionAction({ name })}
        onDone={() => router.refresh()}
      />
      {active && ActiveCollectionTools ? (
        <div className="basis-full">
          <ActiveCollectionTools key={active.id} id={active.id} name={active.name} />
        </div>
      ) : null}
    </>
  );
}
