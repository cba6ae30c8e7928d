"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

/**
 * The state of an action that a ConfirmDialog asks about first. `ask()` opens the dialog;
 * `dialog` holds the props that run the action in a transition and show its refusal inside
 * the dialog, so the person can try again (cancelling clears it). After success
 * `onDone(close)` runs: it closes the dialog, unless it leaves the page (the dialog then
 * stays on its pending label until the page has gone). This module does not import the
 * dialog itself, so a caller may still load that on demand.
 */
export function useConfirmedAction(
  action: () => Promise<ActionResult<unknown>>,
  onDone: (close: () => void) => void,
) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const dialog = {
    open,
    pending,
    error,
    onConfirm: () => {
      setError(undefined);
      startTransition(async () => {
        const result = await action();
        if (result.ok) onDone(() => setOpen(false));
        else setError(result.error);
      });
    },
    onCancel: () => {
      setOpen(false);
      setError(undefined);
    },
  };
  return { ask: () => setOpen(true), pending, dialog };
}
