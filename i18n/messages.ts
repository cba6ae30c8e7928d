import type en from "@/messages/en.json";
import type { Locale } from "./locales";

export type Messages = typeof en;
export type Namespace = keyof Messages;

/** One catalog per language, loaded only for the language in use. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case "ko":
      return (await import("@/messages/ko.json")).default;
    default:
      return (await import("@/messages/en.json")).default;
  }
}

/**
 * The part of a catalog a client component tree needs: the browser receives only these
 * namespaces, so each route's JavaScript carries its own words and no one else's.
 */
export function pickMessages<N extends Namespace>(
  messages: Messages,
  namespaces: readonly N[],
): Pick<Messages, N> {
  const picked = {} as Pick<Messages, N>;
  for (const namespace of namespaces) picked[namespace] = messages[namespace];
  return picked;
}
