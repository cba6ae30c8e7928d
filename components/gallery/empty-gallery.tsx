import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** No cards: server-rendered, so its words and links cost the gallery no JavaScript. */
export async function EmptyGallery({ filtered }: { filtered: boolean }) {
  const t = await getTranslations("gallery");
  const [text, href, link] = filtered
    ? [t("noMatches"), "/gallery", t("clearFilters")]
    : [t("empty"), "/", t("firstVideo")];
  return (
    <div className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-muted">
      <p>{text}</p>
      <Link
        href={href}
        className="touch-target mt-2 inline-flex items-center text-accent-2 underline"
      >
        {link}
      </Link>
    </div>
  );
}
