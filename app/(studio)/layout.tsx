import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { NotificationsProvider } from "@/components/notifications/notifications-provider";
import { IntlScope } from "@/i18n/intl-scope";
import { STUDIO_NAMESPACES } from "@/i18n/namespaces";
import { isAuthEnabled } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("chrome");
  return (
    <IntlScope namespaces={STUDIO_NAMESPACES}>
      <NotificationsProvider>
        <a
          href="#main"
          className="touch-target sr-only items-center rounded-md bg-accent px-4 py-2 font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:inline-flex"
        >
          {t("skipLink")}
        </a>
        {/* Behind proxy.ts a rendered studio page means a valid session whenever sign-in is on. */}
        <SiteHeader demoMode={getEnv().demoMode} signedIn={isAuthEnabled()} />
        {/* Pages set their own width: the gallery fills the screen, forms stay readable. */}
        <main id="main" tabIndex={-1} className="mx-auto max-w-[96rem] px-4 py-6 outline-none">
          {children}
        </main>
      </NotificationsProvider>
    </IntlScope>
  );
}
