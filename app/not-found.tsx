import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return { title: t("notFoundTitle"), robots: { index: false } };
}

/** Any address the studio does not have. */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="px-4">
      <NotFoundMessage heading={t("heading")} text={t("text")} />
    </main>
  );
}
