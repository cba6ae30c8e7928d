import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { IntlScope } from "@/i18n/intl-scope";
import { ROOT_NAMESPACES } from "@/i18n/namespaces";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return {
    title: { default: t("siteTitle"), template: `%s · ${t("siteTitle")}` },
    description: t("siteDescription"),
  };
}

/**
 * `<html lang>` follows the request's language. The client components every page may show
 * (the "Language" select, dialogs' Cancel and Close, error boundaries) get their few words
 * here; a page with more client text opens its own IntlScope.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <IntlScope namespaces={ROOT_NAMESPACES}>{children}</IntlScope>
      </body>
    </html>
  );
}
