import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { NotificationsProvider } from "@/components/notifications/notifications-provider";
import { isAuthEnabled } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export default function StudioLayout({ children }: { children: ReactNode }) {
  return (
    <NotificationsProvider>
      {/* Behind proxy.ts a rendered studio page means a valid session whenever sign-in is on. */}
      <SiteHeader demoMode={getEnv().demoMode} signedIn={isAuthEnabled()} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </NotificationsProvider>
  );
}
