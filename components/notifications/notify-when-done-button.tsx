"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { enableBrowserNotifications, getBrowserNotifyState } from "./browser-notifications";
import { subscribeNotifications } from "./notification-store";

/**
 * Opt-in browser notifications: asks permission only when the person clicks. The choice is
 * one for the whole studio, so every card's button disappears together once it is on.
 */
export function NotifyWhenDoneButton() {
  const t = useTranslations("generation");
  const state = useSyncExternalStore(
    subscribeNotifications,
    getBrowserNotifyState,
    () => "unsupported" as const,
  );
  if (state === "unsupported" || state === "on") return null;
  if (state === "denied") {
    return <p className="text-xs text-muted">{t("notificationsBlocked")}</p>;
  }
  return (
    <button
      type="button"
      className="self-start rounded-md px-1 py-0.5 text-xs text-muted underline decoration-dotted underline-offset-2 hover:text-white"
      onClick={() => void enableBrowserNotifications()}
    >
      {t("notifyWhenDone")}
    </button>
  );
}
