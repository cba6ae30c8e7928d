import { getRequestConfig } from "next-intl/server";
import { isLocale } from "./locales";
import { loadMessages } from "./messages";
import { localeOfThisRequest } from "./say-on-server";
import { TIME_ZONE } from "./time-zone";

/**
 * next-intl's per-request configuration, without a locale in the URL: the "Language"
 * cookie, else the browser's Accept-Language. A caller that names a locale (the share
 * route, which reads its own request) gets that one.
 */
export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isLocale(requested) ? requested : await localeOfThisRequest();
  return { locale, messages: await loadMessages(locale), timeZone: TIME_ZONE };
});
