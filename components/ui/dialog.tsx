"use client";

import { useTranslations } from "next-intl";
import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type SyntheticEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";

type Props = {
  open: boolean;
  /** Called however the dialog is dismissed: Escape, the backdrop, or a Close button. */
  onClose: () => void;
  /** The dialog's name: its visible heading. */
  title: ReactNode;
  /** Read out with the name when the dialog opens. */
  description?: ReactNode;
  children: ReactNode;
  /** Width; the dialog never grows past the viewport. */
  size?: "sm" | "md" | "lg" | "xl";
};

const WIDTH = { sm: "max-w-sm", md: "max-w-md", lg: "max-w-lg", xl: "max-w-6xl" } as const;
const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/**
 * The studio's one dialog: a native modal <dialog> (the page behind is inert, Escape
 * closes), portalled to <body> so a dialog holding a form never nests inside another form.
 * Tab is kept inside it rather than left to reach the browser's own controls, and focus
 * goes back to whatever had it when the dialog opened. An `autoFocus` child gets the first
 * focus; otherwise the first focusable one does.
 */
export function Dialog({ open, onClose, title, description, children, size = "md" }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => setHost(document.body), []);

  useEffect(() => {
    // The <dialog> exists once the portal has its host.
    const dialog = host ? ref.current : null;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, host]);

  // React bubbles events through portals to the dialog that rendered this one; only
  // events from this dialog's own DOM are its business.
  const own = (event: SyntheticEvent) =>
    event.currentTarget === event.target || event.currentTarget.contains(event.target as Node);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || !own(event)) return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (item) => item.offsetParent !== null || item === document.activeElement,
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  const onBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    // A click on the ::backdrop lands on the <dialog> itself, outside its content box.
    if (event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) event.currentTarget.close();
  };
  const onDialogClose = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (event.target !== event.currentTarget) return;
    const previous = returnFocus.current;
    returnFocus.current = null;
    // The close event comes a task after the close: by then focus may already have been put
    // somewhere on purpose (the browser's own return, or the next thing the person chose).
    const active = document.activeElement;
    const placed = active && active !== document.body && !event.currentTarget.contains(active);
    if (!placed && previous instanceof HTMLElement && previous.isConnected) previous.focus();
    else if (!placed) {
      // What opened it is gone (a revoked link's row): stay inside the dialog beneath, if any.
      const below = [...document.querySelectorAll("dialog[open]")].at(-1);
      below?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
    onClose();
  };

  if (!host) return null;
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={onKeyDown}
      onClick={onBackdrop}
      onClose={onDialogClose}
      className={`m-auto w-[calc(100%-2rem)] ${WIDTH[size]} rounded-xl border border-line bg-panel p-5 text-sm text-white shadow-2xl backdrop:bg-black/70`}
    >
      <div className="flex flex-col gap-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="text-muted">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </dialog>,
    host,
  );
}

/** The dialog's way out, styled like every other secondary button. */
export function DialogCloseButton({
  onClose,
  children,
  autoFocus,
}: {
  onClose: () => void;
  children?: ReactNode;
  autoFocus?: boolean;
}) {
  const t = useTranslations("ui");
  return (
    <button
      type="button"
      onClick={onClose}
      // biome-ignore lint/a11y/noAutofocus: the safe choice takes first focus in a dialog
      autoFocus={autoFocus}
      className="rounded-md border border-line px-4 py-2 hover:bg-panel-2"
    >
      {children ?? t("close")}
    </button>
  );
}
