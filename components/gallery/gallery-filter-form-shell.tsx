"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useRef, useTransition } from "react";
import { SHORTCUTS_EVENT } from "./use-gallery-keys";

/** galleryFiltersToSearch's key order, so the URL the form writes is the canonical one. */
const URL_ORDER = [
  "q",
  "status",
  "model",
  "mode",
  "aspect",
  "from",
  "to",
  "refs",
  "fav",
  "sort",
  "collection",
];

type Props = {
  search: string;
  /** The search box: always in view. */
  searchField: ReactNode;
  /** How many filters besides the search are on, for the toggle's label. */
  activeCount: number;
  /** The other fields, folded behind the "Filters" toggle. */
  children: ReactNode;
  /** Worded by the server component, so the catalog's gallery words need not ship here. */
  words: Record<
    "filters" | "filtersActive" | "apply" | "done" | "shortcuts" | "shortcutsHint",
    string
  >;
};

/**
 * The only client part of the filters: a GET form (so it works without JavaScript) that,
 * with JavaScript, replaces the URL on every change; the server then renders the new first
 * page. The fields themselves are server-rendered children, kept out of the bundle. The
 * fields other than search fold into a <details> panel (a toggle that needs no script);
 * script only adds closing it with Escape or a click elsewhere.
 */
export function GalleryFilterFormShell(props: Props) {
  const { search, searchField, activeCount, children, words } = props;
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const panel = useRef<HTMLDetailsElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const applied = useRef(search);
  const [pending, startTransition] = useTransition();

  useEffect(() => () => clearTimeout(timer.current), []);
  // The form is not remounted per URL, so focus stays in the search box while typing. When
  // the URL changed some other way (a link, back/forward), show that URL's filters instead.
  useEffect(() => {
    if (search !== applied.current) {
      applied.current = search;
      form.current?.reset();
    }
  }, [search]);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = panel.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, []);

  const close = () => {
    const details = panel.current;
    if (!details?.open) return;
    details.open = false;
    details.querySelector("summary")?.focus();
  };
  const apply = () => {
    if (!form.current) return;
    // Empty fields and the default sort stay out of the URL; the server validates the rest
    // (parseGalleryFilters), so the parser need not ship to the browser.
    const data = new FormData(form.current);
    const params = new URLSearchParams();
    for (const key of URL_ORDER) {
      const value = data.get(key);
      const text = typeof value === "string" ? value.trim() : "";
      if (text !== "" && !(key === "sort" && text === "newest")) params.set(key, text);
    }
    const next = params.toString();
    applied.current = next;
    startTransition(() =>
      router.replace(next ? `/gallery?${next}` : "/gallery", { scroll: false }),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply();
  };
  const onChange = (event: FormEvent) => {
    clearTimeout(timer.current);
    const typing = (event.target as HTMLElement).getAttribute("type") === "search";
    timer.current = setTimeout(apply, typing ? 300 : 0);
  };

  return (
    <form
      ref={form}
      action="/gallery"
      method="get"
      aria-busy={pending}
      onSubmit={onSubmit}
      onChange={onChange}
      className="relative flex items-center gap-2"
    >
      {searchField}
      <details
        ref={panel}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            close();
          }
        }}
      >
        <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-line px-3 py-2 text-sm whitespace-nowrap hover:bg-panel-2 [&::-webkit-details-marker]:hidden">
          {words.filters}
          {activeCount > 0 ? (
            <span className="rounded-full bg-accent px-1.5 text-xs font-semibold text-white">
              <span className="sr-only">{words.filtersActive}</span>
              {activeCount}
            </span>
          ) : null}
        </summary>
        <div className="absolute top-full left-0 z-20 mt-2 grid w-full max-w-3xl grid-cols-2 gap-3 rounded-xl border border-line bg-panel p-3 shadow-2xl sm:grid-cols-4">
          {children}
          <div className="col-span-full flex justify-end gap-2">
            <noscript>
              <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm">
                {words.apply}
              </button>
            </noscript>
            <button
              type="button"
              onClick={close}
              className="rounded-md border border-line px-3 py-2 text-sm hover:bg-panel-2"
            >
              {words.done}
            </button>
          </div>
        </div>
      </details>
      <button
        type="button"
        aria-label={words.shortcuts}
        title={words.shortcutsHint}
        onClick={() => document.dispatchEvent(new Event(SHORTCUTS_EVENT))}
        className="ml-auto hidden size-9 items-center justify-center rounded-full border border-line text-sm text-muted hover:bg-panel-2 hover:text-white sm:inline-flex"
      >
        ?
      </button>
    </form>
  );
}
