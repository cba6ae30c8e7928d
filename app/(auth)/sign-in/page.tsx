import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSelect } from "@/components/layout/language-select";
import { IntlScope } from "@/i18n/intl-scope";
import { safeNextPath } from "@/lib/auth/public-paths";
import { isAuthEnabled } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return { title: t("signInTitle"), robots: { index: false } };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isAuthEnabled()) redirect("/");
  const next = safeNextPath((await searchParams).next);
  const [t, chrome] = await Promise.all([getTranslations("signIn"), getTranslations("chrome")]);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{chrome("brand")}</h1>
        <LanguageSelect />
      </div>
      <p className="text-sm text-muted">{t("intro")}</p>
      <IntlScope namespaces={["signIn"]}>
        <SignInForm next={next} />
      </IntlScope>
    </main>
  );
}
