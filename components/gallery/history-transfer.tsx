"use client";

import { useState } from "react";
import { useOnDemand } from "./use-on-demand";

const loadPicker = () => import("./history-import-picker").then((m) => m.HistoryImportPicker);

/**
 * "Import history": a rare action, so its code loads on the first press (which then opens
 * the file picker); the Export link beside it is plain server-rendered HTML.
 */
export function HistoryImport({ label }: { label: string }) {
  const [wanted, setWanted] = useState(false);
  const Picker = useOnDemand(loadPicker, wanted);
  if (Picker) return <Picker openAtOnce={wanted} />;
  return (
    <button
      type="button"
      onClick={() => setWanted(true)}
      className="inline-flex items-center rounded-md border border-line px-3 py-1.5 hover:bg-panel-2"
    >
      {label}
    </button>
  );
}
