"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  getToastItems,
  getToasts,
  getUnseenCount,
  markSeen,
  subscribeNotifications,
} from "./notification-store";
import type { ToastEdge } from "./use-toast-edge";

const EMPTY: never[] = [];

/**
 * Mount once in the studio layout. Shows a toast when a watched generation finishes or
 * fails, and puts the count of unseen ones in the tab title ("(1) Omni Studio") until the
 * tab is looked at again. The toasts' markup comes with the code that announces them
 * (toast-items.tsx), so a page that watches no generation does not load it.
 */
export function NotificationsProvider({ children }: { children?: ReactNode }) {
  const t = useTranslations("notifications");
  const toasts = useSyncExternalStore(subscribeNotifications, getToasts, () => EMPTY);
  const unseen = useSyncExternalStore(subscribeNotifications, getUnseenCount, () => 0);
  const stack = useRef<HTMLElement>(null);
  const [edge, setEdge] = useState<ToastEdge>("bottom");
  // There are toasts only once announceSettled has run, and it has set ToastItems by then.
  const ToastItems = toasts.length > 0 ? getToastItems() : null;

  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, "");
    document.title = unseen > 0 ? `(${unseen}) ${base}` : base;
  }, [unseen]);

  useEffect(() => {
    const seen = () => {
      if (document.visibilityState === "visible") markSeen();
    };
    window.addEventListener("focus", seen);
    document.addEventListener("visibilitychange", seen);
    return () => {
      window.removeEventListener("focus", seen);
      document.removeEventListener("visibilitychange", seen);
    };
  }, []);

  return (
    <>
      {children}
      {/* Rendered even when empty: a live region must exist before its news arrives. */}
      {/* On a phone toasts sit above the composer's fixed Generate bar, never over it; at
          the top instead when the bottom would cover the generation they announce. */}
      <section
        ref={stack}
        aria-label={t("region")}
        aria-live="polite"
        data-edge={edge}
        className={`pointer-events-none fixed right-4 z-50 w-80 max-w-[calc(100vw-2rem)] ${
          edge === "top" ? "top-4" : "bottom-24 sm:bottom-4"
        }`}
      >
        <ul className="flex flex-col gap-2">
          {ToastItems ? <ToastItems toasts={toasts} stack={stack} onEdge={setEdge} /> : null}
        </ul>
      </section>
    </>
  );
}
