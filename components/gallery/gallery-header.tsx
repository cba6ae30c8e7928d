import { getLocale, getTranslations } from "next-intl/server";
import { formatNumberIn } from "@/lib/format/locale-format";
import type { GalleryStats } from "@/lib/gallery/gallery-page-types";
import { formatUsd } from "@/lib/generations/estimate-cost";
import { HistoryImport } from "./history-transfer";

export async function GalleryHeader({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("gallery");
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <a
            href="/api/export"
            download
            className="touch-target inline-flex items-center rounded-md border border-line px-3 py-1.5 hover:bg-panel-2"
          >
            {t("exportHistory")}
          </a>
          <HistoryImport label={t("importHistory")} />
        </div>
      </div>
      {children}
    </header>
  );
}

/**
 * Totals stream in after the grid: they read every row (a full pass at 100,000 rows), so
 * the first page must not wait for them.
 */
export async function GalleryStatsBar({
  stats: pending,
  filtered,
}: {
  stats: Promise<GalleryStats>;
  filtered: boolean;
}) {
  const [stats, t, locale] = await Promise.all([pending, getTranslations("gallery"), getLocale()]);
  const count = (value: number) => formatNumberIn(locale, value);
  const facts: [string, string][] = [
    [t("statGenerations"), count(stats.total)],
    [t("statDone"), count(stats.succeeded)],
    [t("statFailed"), count(stats.failed)],
    [t("statRunning"), count(stats.running)],
    [t("statFavorites"), count(stats.favorites)],
    [t("statSpend"), formatUsd(stats.estimatedSpendUsd, locale)],
  ];
  return (
    <div className="flex flex-col gap-1">
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm sm:gap-x-6" aria-label={t("totals")}>
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-muted">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {filtered ? (
        <p className="text-sm text-muted">{t("matching", { count: stats.matching })}</p>
      ) : null}
    </div>
  );
}

export async function GalleryStatsPlaceholder() {
  const t = await getTranslations("gallery");
  return <p className="h-5 text-sm text-muted">{t("counting")}</p>;
}
