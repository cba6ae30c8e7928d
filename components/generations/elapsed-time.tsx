"use client";

import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import { formatDurationIn } from "@/lib/format/locale-format";

/** Seconds since `from`, ticking while `until` is unknown (the task is still running). */
export function ElapsedTime({ from, until }: { from: string; until: string | null }) {
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  const end = until ? Date.parse(until) : now;
  const seconds = Math.max(0, Math.round((end - Date.parse(from)) / 1000));
  // While it ticks, the server's second and the browser's at hydration may differ: the
  // browser's own tick corrects the text a second later (React's advice for timestamps).
  return (
    <span className="tabular-nums" suppressHydrationWarning={!until}>
      {formatDurationIn(locale, seconds)}
    </span>
  );
}
