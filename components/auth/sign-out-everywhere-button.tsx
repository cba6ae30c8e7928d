"use client";

import { useActionState } from "react";
import { signOutEverywhereAction } from "@/lib/actions/sign-out-everywhere";

/**
 * Ends every session — other browsers, other devices, a cookie someone copied — and signs
 * this one out too. A form, so it works before the page's JavaScript has loaded. Its name
 * comes from the server-rendered header, so the header's client tree needs no catalog.
 */
export function SignOutEverywhereButton({ label }: { label: string }) {
  const [state, action, pending] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <button
        type="submit"
        disabled={pending}
        className="text-sm text-muted hover:text-white disabled:opacity-60"
      >
        {label}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-red-300">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
