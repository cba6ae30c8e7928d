"use client";

import { useTranslations } from "next-intl";
import { type ComponentType, useState } from "react";
import type { GenerationView } from "@/lib/generations/generation-view";

type CompareComponent = ComponentType<{ generations: GenerationView[]; onClose: () => void }>;
const COMPARE_MAX = 4;

/**
 * On a take's detail page: its batch, and "Compare" for the batch's finished takes (the
 * first four), in the same lazily loaded view the gallery's selection opens.
 */
export function BatchCompare({ takes, currentId }: { takes: GenerationView[]; currentId: string }) {
  const t = useTranslations("compare");
  const [Compare, setCompare] = useState<CompareComponent | null>(null);
  const finished = takes.filter((take) => take.videoUrl !== null).slice(0, COMPARE_MAX);
  const place = takes.findIndex((take) => take.id === currentId) + 1;
  const open = () =>
    void import("./compare-view").then((module) => setCompare(() => module.CompareView));
  return (
    <section
      aria-label={t("batch")}
      className="flex flex-wrap items-center gap-3 rounded-xl border border-line p-3 text-sm"
    >
      <p>{t("batchText", { place, count: takes.length })}</p>
      <button
        type="button"
        onClick={open}
        disabled={finished.length < 2}
        className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2 disabled:opacity-50"
      >
        {t("compare")}
      </button>
      {Compare ? <Compare generations={finished} onClose={() => setCompare(null)} /> : null}
    </section>
  );
}
