"use client";

import { useEffect, useState } from "react";

const loaded = new Map<() => Promise<unknown>, unknown>();

/**
 * A piece of the page fetched the first time it is wanted (a toolbar that only a selection
 * shows, a dialog only "?" opens), so the gallery's first load does not carry it. `load` must
 * be a module-level function: it is also the cache key, so the piece loads once per tab.
 * A plain import() rather than next/dynamic, whose loader code outweighs what it defers.
 */
export function useOnDemand<T>(load: () => Promise<T>, wanted: boolean): T | null {
  const [value, setValue] = useState<T | null>(() => (loaded.get(load) as T | undefined) ?? null);
  useEffect(() => {
    if (!wanted || value !== null) return;
    let live = true;
    void load().then((piece) => {
      loaded.set(load, piece);
      if (live) setValue(() => piece);
    });
    return () => {
      live = false;
    };
  }, [wanted, value, load]);
  return value;
}
