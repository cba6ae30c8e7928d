import { z } from "zod";
import type { Locale } from "./locales";

/** zod ships its own wording in both of the studio's languages. */
const ZOD_LOCALES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  ko: z.locales.ko,
};

/**
 * The error map to parse with where zod's own wording reaches a person (a refused import
 * names the field and what is wrong with it): in the reader's language. Messages a schema
 * sets itself (catalog keys) still win over it.
 */
export function zodErrorsIn(locale: Locale): z.core.$ZodErrorMap {
  return ZOD_LOCALES[locale]().localeError;
}
