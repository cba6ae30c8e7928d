"use client";

import type { GenerationView } from "@/lib/generations/generation-view";

/**
 * A tiny in-page store for "your generation finished" news, so the status hook can report
 * without knowing whether the provider is mounted (toasts appear once it is).
 */
export type Toast = { key: string; generationId: string; title: string; body: string; ok: boolean };

type Listener = () => void;
const listeners = new Set<Listener>();
let toasts: Toast[] = [];
let unseen = 0;

export const NOTIFY_OPT_IN_KEY = "omni-notify-when-done";

export function subscribeNotifications(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): Toast[] {
  return toasts;
}

export function getUnseenCount(): number {
  return unseen;
}

function emit(): void {
  for (const listener of listeners) listener();
}

/** Called once when a watched generation reaches succeeded or failed. */
export function announceSettled(view: GenerationView): void {
  const ok = view.status === "succeeded";
  const toast: Toast = {
    key: `${view.id}-${view.status}`,
    generationId: view.id,
    title: ok ? "Video ready" : "Generation failed",
    body: view.prompt.slice(0, 80),
    ok,
  };
  if (toasts.some((t) => t.key === toast.key)) return;
  toasts = [...toasts.slice(-2), toast];
  if (typeof document !== "undefined" && document.visibilityState !== "visible") unseen += 1;
  else if (typeof document !== "undefined" && !document.hasFocus()) unseen += 1;
  emit();
  showBrowserNotification(toast);
}

export function dismissToast(key: string): void {
  toasts = toasts.filter((t) => t.key !== key);
  emit();
}

export function markSeen(): void {
  if (unseen === 0) return;
  unseen = 0;
  emit();
}

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

function showBrowserNotification(toast: Toast): void {
  if (typeof window === "undefined" || !("Notification" in window)) return;
  if (window.localStorage.getItem(NOTIFY_OPT_IN_KEY) !== "1") return;
  if (Notification.permission !== "granted") return;
  new Notification(toast.title, { body: toast.body, tag: toast.key });
}
