import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys: a missing or misspelled message key, or a wrong ICU argument, fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
