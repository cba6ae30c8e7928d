"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDurationIn } from "@/lib/format/locale-format";
import type { GenerationView } from "@/lib/generations/generation-view";
import { progressFigure } from "@/lib/progress/progress-figure";

/**
 * Elapsed time against the time expected for this recipe (progressFigure), while the
 * provider works on it; the queue position while it waits. The card and the detail page
 * both show this, from the same view, so they show one figure.
 */
export function GenerationProgress({ generation }: { generation: GenerationView }) {
  const t = useTranslations("generation");
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (generation.status === "queued") {
    return (
      <p className="text-xs text-muted">
        {generation.queuePosition
          ? t("queuePosition", { position: generation.queuePosition })
          : t("queued")}
      </p>
    );
  }
  const figure = progressFigure(generation, now);
  if (!figure) return null;
  // The figure follows the clock, which has moved on between the server's render and the
  // browser's hydration: the elements it sets are let differ, and the next tick (1 s) sets
  // them from the browser's clock (React's advice for timestamps).
  return (
    <div className="flex flex-col gap-1">
      <div
        suppressHydrationWarning
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={figure.expectedSeconds}
        aria-valuenow={Math.min(figure.elapsedSeconds, figure.expectedSeconds)}
        className="h-1.5 overflow-hidden rounded-full bg-panel-2"
      >
        <div
          suppressHydrationWarning
          className="h-full bg-violet-400 transition-all"
          style={{ width: `${figure.fraction * 100}%` }}
        />
      </div>
      <p
        suppressHydrationWarning
        className="text-xs text-muted tabular-nums"
        data-expected-seconds={figure.expectedSeconds}
      >
        {t(figure.slow ? "slow" : "progress", {
          elapsed: formatDurationIn(locale, figure.elapsedSeconds),
          typical: formatDurationIn(locale, figure.expectedSeconds),
        })}
      </p>
    </div>
  );
}
