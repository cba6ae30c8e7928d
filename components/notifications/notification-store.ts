"use client";

/**
 * A tiny in-page store for "your generation finished" news, so the status hook can report
 * without knowing whether the provider is mounted (toasts appear once it is).
 */
export type Toast = { key: string; generationId: string; title: string; body: string; ok: boolean };

type Listener = () => void;
const listeners = new Set<Listener>();
let toasts: Toast[] = [];
let unseen = 0;

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

export function emit(): void {
  for (const listener of listeners) listener();
}

/**
 * Called once when a watched generation reaches succeeded or failed, with its words already
 * in the reader's language ("Video ready" / "영상 완성"): this store lives outside React and
 * has no translator. Returns the toast when it is news (not shown already), else null.
 */
export function announceSettled(toast: Toast): Toast | null {
  if (toasts.some((t) => t.key === toast.key)) return null;
  toasts = [...toasts.slice(-2), toast];
  if (typeof document !== "undefined" && document.visibilityState !== "visible") unseen += 1;
  else if (typeof document !== "undefined" && !document.hasFocus()) unseen += 1;
  emit();
  return toast;
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
