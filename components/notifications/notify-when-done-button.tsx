"use client";

import { useEffect, useState } from "react";
import { NOTIFY_OPT_IN_KEY } from "./notification-store";

/** Opt-in browser notifications: asks permission only when the person clicks. */
export function NotifyWhenDoneButton() {
  const [state, setState] = useState<"unsupported" | "off" | "on" | "denied">("off");
  useEffect(() => {
    if (!("Notification" in window)) setState("unsupported");
    else if (Notification.permission === "denied") setState("denied");
    else if (
      Notification.permission === "granted" &&
      window.localStorage.getItem(NOTIFY_OPT_IN_KEY) === "1"
    )
      setState("on");
  }, []);
  if (state === "unsupported" || state === "on") return null;
  if (state === "denied") {
    return <p className="text-xs text-muted">Browser notifications are blocked for this site.</p>;
  }
  return (
    <button
      type="button"
      className="rounded-md border border-line px-2 py-1 text-xs hover:bg-panel-2"
      onClick={async () => {
        const permission = await Notification.requestPermission();
        if (permission === "granted") {
          window.localStorage.setItem(NOTIFY_OPT_IN_KEY, "1");
          setState("on");
        } else if (permission === "denied") setState("denied");
      }}
    >
      Notify me when done
    </button>
  );
}
