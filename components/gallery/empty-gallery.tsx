import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** No cards: server-rendered, so its words and links cost the gallery no JavaScript. */
export async function EmptyGallery({ filtered }: { filtered: boolean }) {
  const t = await getTranslations("gallery");
  return (
    <div className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-muted">
      {filtered ? (
        <>
          <p>{t("noMatches")}</p>
          <Link
            href="/gallery"
            className="touch-target mt-2 inline-flex items-center text-accent-2 underline"
          >
            {t("clearFilters")}
          </Link>
        </>
      ) : (
        <>
          <p>{t("empty")}</p>
          <Link
            href="/"
            className="touch-target mt-2 inline-flex items-center text-accent-2 underline"
          >
            {t("firstVideo")}
          </Link>
        </>
      )}
    </div>
  );
}
