import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { LanguageSelect } from "./language-select";

const navLink = "touch-target inline-flex items-center rounded-md px-2 text-muted hover:text-white";

/**
 * One line at every width. On a phone the brand shrinks to its mark, the demo badge to
 * "Demo", and the account's buttons fold into a menu; from 640 px they sit in the bar. The
 * "Language" select sits in the bar, or first in the account menu when there is one (a
 * phone's bar has no room for both); its name keeps the English word in every language.
 */
export async function SiteHeader({ demoMode, signedIn }: { demoMode: boolean; signedIn: boolean }) {
  const t = await getTranslations("chrome");
  return (
    <header className="border-b border-line bg-panel/80 backdrop-blur">
      <div className="mx-auto flex max-w-[96rem] items-center gap-2 px-4 py-1.5 sm:gap-6">
        <Link
          href="/"
          className="touch-target inline-flex shrink-0 items-center gap-2 font-semibold tracking-tight whitespace-nowrap text-white"
        >
          <BrandMark />
          <span className="sr-only sm:not-sr-only">{t("brand")}</span>
        </Link>
        <nav aria-label={t("mainNav")} className="flex gap-1 text-sm sm:gap-3">
          <Link href="/" className={navLink}>
            {t("studio")}
          </Link>
          <Link href="/gallery" className={navLink}>
            {t("gallery")}
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {demoMode ? (
            <p
              className="rounded-full border border-amber-500/40 bg-amber-500/10 px-3 py-1 text-xs whitespace-nowrap text-amber-200"
              title={t("demoExplained")}
            >
              {t("demoShort")}
              <span className="hidden sm:inline">{t("demoLong")}</span>
            </p>
          ) : null}
          {signedIn ? (
            <AccountMenu label={t("account")}>
              <LanguageSelect />
              <SignOutButton />
              <SignOutEverywhereButton label={t("signOutEverywhere")} />
            </AccountMenu>
          ) : (
            <LanguageSelect />
          )}
        </div>
      </div>
    </header>
  );
}

/**
 * The signed-in person's actions (Sign out, and whatever joins it): inline from 640 px, in
 * a disclosure menu on a phone. Plain HTML, so it works before any JavaScript has loaded.
 */
function AccountMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <div className="hidden items-center gap-3 sm:flex">{children}</div>
      <details className="relative sm:hidden">
        <summary
          aria-label={label}
          className="flex cursor-pointer list-none items-center justify-center rounded-md text-muted hover:text-white [&::-webkit-details-marker]:hidden"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
            <path d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0v1H3v-1Z" />
          </svg>
        </summary>
        <div className="absolute right-0 z-40 mt-1 flex min-w-40 flex-col gap-1 rounded-lg border border-line bg-panel p-2 shadow-xl">
          {children}
        </div>
      </details>
    </>
  );
}

function BrandMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7 shrink-0">
      <rect width="32" height="32" rx="8" fill="#7c6cff" />
      <path d="M12 9v14l11-7z" fill="#fff" />
    </svg>
  );
}
