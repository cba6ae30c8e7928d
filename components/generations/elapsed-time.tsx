"use client";

import { useEffect, useState } from "react";

/** Seconds since `from`, ticking while `until` is unknown (the task is still running). */
export function ElapsedTime({ from, until }: { from: string; until: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  const end = until ? Date.parse(until) : now;
  const seconds = Math.max(0, Math.round((end - Date.parse(from)) / 1000));
  const text = seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  return <span className="tabular-nums">{text}</span>;
}
