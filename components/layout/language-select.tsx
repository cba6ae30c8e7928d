"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { isLocale, LOCALE_NAMES, LOCALES } from "@/i18n/locales";
import { setLocaleAction } from "@/lib/actions/set-locale";

/**
 * "Language": switches at once, without a reload: the action stores the choice in a cookie
 * and router.refresh() re-renders the server components in the new language, keeping this
 * page's client state. Each language is listed in its own words.
 */
export function LanguageSelect({ className = "" }: { className?: string }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  const change = (value: string) => {
    if (!isLocale(value) || value === locale) return;
    setFailed(false);
    startTransition(async () => {
      const result = await setLocaleAction(value);
      if (result.ok) router.refresh();
      else setFailed(true);
    });
  };
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(event) => change(event.target.value)}
        className="rounded-md border border-line bg-panel px-2 py-1 text-sm text-muted hover:text-white"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      {failed ? (
        <span role="alert" className="text-xs text-red-300">
          {t("saveFailed")}
        </span>
      ) : null}
    </span>
  );
}
