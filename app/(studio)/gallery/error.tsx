"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

export default function GalleryError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-xl border border-red-500/30 bg-red-500/10 p-6 text-sm"
    >
      <h1 className="text-lg font-semibold">{t("galleryHeading")}</h1>
      <p className="text-red-100">{t("galleryText")}</p>
      <div className="flex gap-3">
        <button type="button" onClick={reset} className="rounded-md border border-line px-3 py-1.5">
          {t("retry")}
        </button>
        <Link href="/gallery" className="rounded-md border border-line px-3 py-1.5">
          {t("clearFilters")}
        </Link>
      </div>
    </div>
  );
}
