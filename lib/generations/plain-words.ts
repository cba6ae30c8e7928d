import type { Messages } from "@/i18n/messages";
import type { Mode } from "@/lib/kling-contract/limits";

/**
 * The words a person reads for the studio's stored values (the provider's `std`,
 * `first_frame`, `feature`…), so no page shows an internal name. Each function takes the
 * `words` translator (useTranslations("words") / getTranslations("words")).
 */
export type WordKey = Exclude<
  keyof Messages["words"],
  "chipReference" | "chipFallback" | "referenceName"
>;
export type Words = (key: WordKey) => string;

const MODE_KEYS: Record<Mode, WordKey> = { std: "modeStd", pro: "modePro" };

export function modeLabel(mode: string, t: Words): string {
  const key = MODE_KEYS[mode as Mode];
  return key ? t(key) : mode;
}

/** A missing aspect ratio means a first frame or an edited video set the shape. */
export function aspectLabel(aspectRatio: string | null, t: Words): string {
  return aspectRatio ?? t("aspectFromReference");
}
