"use client";

import { useEffect } from "react";

const carriesFiles = (event: DragEvent) =>
  Array.from(event.dataTransfer?.types ?? []).some((type) => type === "Files");

/**
 * A file dropped a little beside the prompt must not make the browser open it in the tab
 * (and lose the draft): while the composer is up, drops nobody handled are swallowed, and
 * the cursor says "no drop" there.
 */
export function usePageDropCatch(): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "none";
    };
    const onDrop = (event: DragEvent) => {
      if (!event.defaultPrevented && carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    };
  }, []);
}
