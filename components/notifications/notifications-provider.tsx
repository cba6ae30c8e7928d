"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useSyncExternalStore } from "react";
import {
  dismissToast,
  getToasts,
  getUnseenCount,
  markSeen,
  subscribeNotifications,
} from "./notification-store";
import { useToastEdge } from "./use-toast-edge";

const EMPTY: never[] = [];

/**
 * Mount once in the studio layout. Shows a toast when a watched generation finishes or
 * fails, and puts the count of unseen ones in the tab title ("(1) Omni Studio") until the
 * tab is looked at again.
 */
export function NotificationsProvider({ children }: { children?: ReactNode }) {
  const t = useTranslations("notifications");
  const toasts = useSyncExternalStore(subscribeNotifications, getToasts, () => EMPTY);
  const unseen = useSyncExternalStore(subscribeNotifications, getUnseenCount, () => 0);
  const stack = useRef<HTMLElement>(null);
  const edge = useToastEdge(
    stack,
    toasts.map((toast) => toast.generationId),
  );

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
                  aria-label={t("dismiss", { title: toast.title })}
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
