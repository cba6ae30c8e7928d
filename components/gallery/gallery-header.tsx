import type { GalleryStats } from "@/lib/gallery/gallery-page-types";
import { formatUsd } from "@/lib/generations/estimate-cost";
import { HistoryImport } from "./history-transfer";

export function GalleryHeader({ children }: { children: React.ReactNode }) {
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Gallery</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <a
            href="/api/export"
            download
            className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2"
          >
            Export history
          </a>
          <HistoryImport />
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
  const stats = await pending;
  const facts: [string, string][] = [
    ["Generations", String(stats.total)],
    ["Succeeded", String(stats.succeeded)],
    ["Failed", String(stats.failed)],
    ["In progress", String(stats.running)],
    ["Favorites", String(stats.favorites)],
    ["Estimated spend", formatUsd(stats.estimatedSpendUsd)],
  ];
  return (
    <div className="flex flex-col gap-1">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="History totals">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-muted">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {filtered ? (
        <p className="text-sm text-muted">
          {stats.matching} {stats.matching === 1 ? "generation matches" : "generations match"} these
          filters.
        </p>
      ) : null}
    </div>
  );
}

export function GalleryStatsPlaceholder() {
  return <p className="h-5 text-sm text-muted">Counting…</p>;
}
