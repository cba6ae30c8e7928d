"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useSyncExternalStore } from "react";
import {
  dismissToast,
  getToasts,
  getUnseenCount,
  markSeen,
  subscribeNotifications,
} from "./notification-store";

const EMPTY: never[] = [];

/**
 * Mount once in the studio layout. Shows a toast when a watched generation finishes or
 * fails, and puts the count of unseen ones in the tab title ("(1) Omni Studio") until the
 * tab is looked at again.
 */
export function NotificationsProvider({ children }: { children?: ReactNode }) {
  const toasts = useSyncExternalStore(subscribeNotifications, getToasts, () => EMPTY);
  const unseen = useSyncExternalStore(subscribeNotifications, getUnseenCount, () => 0);

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
      <section
        aria-label="Notifications"
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-4 z-50 w-80"
      >
        <ul className="flex flex-col gap-2">
          {toasts.map((toast) => (
            <li
              key={toast.key}
              className={`pointer-events-auto rounded-lg border p-3 text-sm shadow-lg ${
                toast.ok
                  ? "border-emerald-500/40 bg-emerald-950 text-emerald-100"
                  : "border-red-500/40 bg-red-950 text-red-100"
              }`}
            >
              <div className="flex items-start justify-between gap-2">
                <Link href={`/generations/${toast.generationId}`} className="font-medium underline">
                  {toast.title}
                </Link>
                <button
                  type="button"
                  aria-label={`Dismiss: ${toast.title}`}
                  onClick={() => dismissToast(toast.key)}
                  className="rounded px-1 text-xs opacity-70 hover:opacity-100"
                >
                  ✕
                </button>
              </div>
              <p className="mt-1 line-clamp-2 opacity-80">{toast.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
