import Link from "next/link";
import { getTranslations } from "next-intl/server";

const action =
  "touch-target inline-flex items-center rounded-md border border-line px-4 py-2 text-sm hover:bg-panel-2";

/** The studio's 404, in its own colours, with the two ways back in. */
export async function NotFoundMessage({ heading, text }: { heading: string; text: string }) {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto flex max-w-lg flex-col items-start gap-4 py-16">
      <p className="text-sm font-semibold tracking-wide text-accent-2">404</p>
      <h1 className="text-2xl font-semibold">{heading}</h1>
      <p className="text-muted">{text}</p>
      <div className="flex flex-wrap gap-2">
        <Link href="/gallery" className={action}>
          {t("openGallery")}
        </Link>
        <Link href="/" className={`${action} border-accent bg-accent/20`}>
          {t("makeVideo")}
        </Link>
      </div>
    </div>
  );
}
