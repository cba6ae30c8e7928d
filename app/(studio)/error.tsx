"use client";

import { useTranslations } from "next-intl";

/** Any studio page that failed to render, inside the studio's frame, in the reader's language. */
export default function StudioError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-start gap-4 py-16">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-muted">{t("text")}</p>
      <button
        type="button"
        onClick={reset}
        className="touch-target inline-flex items-center rounded-md border border-line px-4 py-2 text-sm hover:bg-panel-2"
      >
        {t("retry")}
      </button>
    </div>
  );
}
