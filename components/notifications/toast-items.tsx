"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { addToast, dismissToast, setToastItems, type Toast } from "./notification-store";
import { type ToastEdge, useToastEdge } from "./use-toast-edge";

export type ToastItemsProps = {
  toasts: Toast[];
  /** The layout's live region, whose edge these toasts choose. */
  stack: RefObject<HTMLElement | null>;
  onEdge: (edge: ToastEdge) => void;
};

/** The toasts inside NotificationsProvider's live region, and the edge they sit on. */
function ToastItems({ toasts, stack, onEdge }: ToastItemsProps) {
  const t = useTranslations("notifications");
  useToastEdge(
    stack,
    toasts.map((toast) => toast.generationId),
    onEdge,
  );
  return toasts.map((toast) => (
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
  ));
}

/**
 * Called once when a watched generation reaches succeeded or failed, with its words already
 * in the reader's language ("Video ready" / "영상 완성"): the store lives outside React and
 * has no translator. Returns the toast when it is news (not shown already), else null.
 *
 * It lives here, beside the toasts' markup, so that code able to announce a toast has
 * always brought the code that shows it: the layout's provider then carries neither, and
 * pages that watch no generation (the gallery) do not load them.
 */
export function announceSettled(toast: Toast): Toast | null {
  setToastItems(ToastItems);
  return addToast(toast);
}
