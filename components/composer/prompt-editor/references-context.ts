"use client";

import { createContext, useContext } from "react";
import type { Reference } from "@/lib/prompt/reference-types";

/** Chips render inside Lexical's decorator portals, which still see React context. */
export const ReferencesContext = createContext<readonly Reference[]>([]);

export function useReferences(): readonly Reference[] {
  return useContext(ReferencesContext);
}
