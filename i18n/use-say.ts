"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { MessageKey, MessageValues } from "./local-message";
import { sayMessage } from "./local-message";

/**
 * The browser's `sayMessage`: rule messages made in `lib/` put into the reader's language.
 * The key's namespace must be in the IntlScope of the page (i18n/namespaces.ts).
 */
export function useSay(): (message: string) => string {
  const t = useTranslations() as unknown as (key: MessageKey, values?: MessageValues) => string;
  return useCallback((message: string) => sayMessage(t, message), [t]);
}
