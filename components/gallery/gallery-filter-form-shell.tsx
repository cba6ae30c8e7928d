"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useRef, useTransition } from "react";

/** galleryFiltersToSearch's key order, so the URL the form writes is the canonical one. */
const URL_ORDER = ["q", "status", "mode", "aspect", "from", "to", "refs", "fav", "sort"];

/**
 * The only client part of the filters: a GET form (so it works without JavaScript) that,
 * with JavaScript, replaces the URL on every change; the server then renders the new first
 * page. The fields themselves are server-rendered children, kept out of the bundle.
 */
export function GalleryFilterFormShell({
  search,
  children,
}: {
  search: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
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
      className="grid grid-cols-2 gap-3 rounded-xl border border-line bg-panel p-3 sm:grid-cols-4 lg:grid-cols-8"
    >
      {children}
    </form>
  );
}
