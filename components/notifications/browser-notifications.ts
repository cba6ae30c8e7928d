"use client";

import { emit, type Toast } from "./notification-store";

/**
 * Opt-in browser notifications, apart from the toast store: the studio layout mounts the
 * store on every page, while these are needed only where a generation is watched.
 */
export const NOTIFY_OPT_IN_KEY = "omni-notify-when-done";

/** "on" once the person opted in and the browser allowed it; shared by every opt-in button. */
export type BrowserNotifyState = "unsupported" | "off" | "on" | "denied";

export function getBrowserNotifyState(): BrowserNotifyState {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  const optedIn = window.localStorage.getItem(NOTIFY_OPT_IN_KEY) === "1";
  return Notification.permission === "granted" && optedIn ? "on" : "off";
}

/** Asks the browser's permission (only ever on a click) and remembers the opt-in. */
export async function enableBrowserNotifications(): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission === "granted") window.localStorage.setItem(NOTIFY_OPT_IN_KEY, "1");
  emit();
}

export function showBrowserNotification(toast: Toast): void {
  if (typeof window === "undefined" || !("Notification" in window)) return;
  if (window.localStorage.getItem(NOTIFY_OPT_IN_KEY) !== "1") return;
  if (Notification.permission !== "granted") return;
  new Notification(toast.title, { body: toast.body, tag: toast.key });
}
