"use client";

import type { ComponentType } from "react";
import type { ToastItemsProps } from "./toast-items";

/**
 * A tiny in-page store for "your generation finished" news, so the status hook can report
 * without knowing whether the provider is mounted (toasts appear once it is).
 */
export type Toast = { key: string; generationId: string; title: string; body: string; ok: boolean };

type Listener = () => void;
const listeners = new Set<Listener>();
let toasts: Toast[] = [];
let unseen = 0;
// Set by announceSettled (toast-items.tsx) before the first toast is added.
let toastItems: ComponentType<ToastItemsProps> | null = null;

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

export function getToastItems(): ComponentType<ToastItemsProps> | null {
  return toastItems;
}

export function setToastItems(items: ComponentType<ToastItemsProps>): void {
  toastItems = items;
}

/** Adds a toast unless it is shown already (see announceSettled in toast-items.tsx). */
export function addToast(toast: Toast): Toast | null {
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
