import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { loadMessages } from "@/i18n/messages";

/**
 * Every word the hand-built share page prints, in one language, as plain values: the
 * renderer stays a synchronous string builder, and a test can hand it either language.
 */
export type SharePageWords = {
  locale: Locale;
  siteName: string;
  defaultTitle: string;
  defaultDescription: string;
  videoLabel: string;
  recipe: string;
  footer: string;
  makeYourOwn: string;
  makeYourOwnVideo: string;
  unavailableHeading: string;
  unavailableText: string;
  errorHeading: string;
  errorText: string;
  /** The badge of a generation made with sound. */
  withSound: string;
  /** A storyboard shot's name ("Shot 2") and its line ("Shot 2 · 4 s · 19 characters"). */
  shot: (n: number) => string;
  shotMeta: (n: number, seconds: number, chars: number) => string;
  /** Read by screen readers before a chip's label ("Image reference: "). */
  chipReference: (kind: string) => string;
  /** A chip whose reference is gone ("Image 2"). */
  chipFallback: (kind: string, n: number) => string;
};

export async function sharePageWords(locale: Locale): Promise<SharePageWords> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "sharePage" });
  const words = createTranslator({ locale, messages, namespace: "words" });
  return {
    locale,
    siteName: messages.chrome.brand,
    defaultTitle: t("defaultTitle"),
    defaultDescription: t("defaultDescription"),
    videoLabel: t("videoLabel"),
    recipe: t("recipe"),
    footer: t("footer"),
    makeYourOwn: t("makeYourOwn"),
    makeYourOwnVideo: t("makeYourOwnVideo"),
    unavailableHeading: t("unavailableHeading"),
    unavailableText: t("unavailableText"),
    errorHeading: t("errorHeading"),
    errorText: t("errorText"),
    withSound: t("withSound"),
    shot: (n) => t("shot", { n }),
    shotMeta: (n, seconds, chars) => t("shotMeta", { n, seconds, chars }),
    chipReference: (kind) => words("chipReference", { kind }),
    chipFallback: (kind, n) => words("chipFallback", { kind, n }),
  };
}
