"use client";

import { useEffect, useState } from "react";
import type { GenerationView } from "@/lib/generations/generation-view";

/** Used when the status route gave no typical time (contract §8: std ~0.5–2 min, pro ~1–5). */
const FALLBACK_TYPICAL: Record<string, number> = { std: 75, pro: 180 };

/**
 * Elapsed time against the typical time for this mode, while the provider works on it; the
 * queue position while it waits.
 */
export function GenerationProgress({ generation }: { generation: GenerationView }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (generation.status === "queued") {
    return (
      <p className="text-xs text-muted">
        Waiting in the queue
        {generation.queuePosition ? ` · position ${generation.queuePosition}` : ""}
      </p>
    );
  }
  if (!["submitted", "processing", "downloading"].includes(generation.status)) return null;
  const typical = generation.typicalSeconds ?? FALLBACK_TYPICAL[generation.mode] ?? 120;
  const from = Date.parse(generation.submittedAt ?? generation.createdAt);
  const elapsed = Math.max(0, Math.round((now - from) / 1000));
  const ratio = Math.min(1, elapsed / typical);
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Elapsed against typical time"
        aria-valuemin={0}
        aria-valuemax={typical}
        aria-valuenow={Math.min(elapsed, typical)}
        className="h-1.5 overflow-hidden rounded-full bg-panel-2"
      >
        <div className="h-full bg-violet-400 transition-all" style={{ width: `${ratio * 100}%` }} />
      </div>
      <p className="text-xs text-muted tabular-nums">
        {format(elapsed)} of typically {format(typical)}
        {elapsed > typical * 1.5 ? " · taking longer than usual" : ""}
      </p>
    </div>
  );
}

function format(seconds: number): string {
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}
