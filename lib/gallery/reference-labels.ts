import "server-only";
import { localMessage } from "@/i18n/local-message";
import type { Locale } from "@/i18n/locales";
import { sayOnServer } from "@/i18n/say-on-server";
import { referenceName } from "@/lib/prompt/reference-names";

/** A reference's default name in one language: "Image 2", "Video" / "이미지 2", "영상". */
export type ReferenceNames = (kind: string, n: number) => string;

/** The names as the composer stores them (English); for callers with no reader. */
export const STORED_NAMES: ReferenceNames = (kind, n) => referenceName(kind, n);

/** The default names in the language of this request (or the one given). */
export async function referenceNamesFor(locale?: Locale): Promise<ReferenceNames> {
  const say = await sayOnServer(locale);
  return (kind, n) => say(localMessage("words.referenceName", { kind, n }));
}

const DEFAULT_LABEL = /^(Image|Video|Element) (\d+)$/;

/**
 * A stored label in the reader's language. The composer's stable names ("Image 3", "Video",
 * "Video 2") and the old fallback "Element 1" are stored in English on the rows, so they are
 * said again from the catalog; any other label (an element's own name) is shown as it is.
 */
export function sayLabel(label: string, names: ReferenceNames): string {
  if (label === "Video") return names("video", 1);
  const match = DEFAULT_LABEL.exec(label);
  return match?.[1] ? names(match[1].toLowerCase(), Number(match[2])) : label;
}
