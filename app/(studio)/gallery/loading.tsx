import { getTranslations } from "next-intl/server";
import { GRID_CLASS } from "@/components/gallery/gallery-grid-class";

export default async function GalleryLoading() {
  const t = await getTranslations("gallery");
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p role="status" className="text-sm text-muted">
        {t("loading")}
      </p>
      <ul className={GRID_CLASS} aria-hidden="true">
        {Array.from({ length: 12 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={i} className="aspect-square animate-pulse rounded-xl bg-panel-2" />
        ))}
      </ul>
    </div>
  );
}
