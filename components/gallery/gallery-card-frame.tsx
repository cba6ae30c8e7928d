"use client";

import Link from "next/link";
import { createContext, type ReactNode, useContext, useState } from "react";
import { FavoriteButton } from "./favorite-button";

type GallerySelection = {
  selected: readonly string[];
  onSelect: (id: string, selected: boolean) => void;
};

const SelectionContext = createContext<GallerySelection>({
  selected: [],
  onSelect: () => undefined,
});

/**
 * The grid's selection, read by each card's frame. A context rather than props because the
 * first page's cards are rendered by the server, which cannot hand them state. Kept in this
 * module, not one of its own: the gallery counts its first-load bytes.
 */
export const GallerySelectionProvider = SelectionContext.Provider;

type Props = {
  id: string;
  /** The detail page's address, carrying the gallery's filters for its Previous / Next. */
  href: string;
  videoUrl: string | null | undefined;
  favorite: boolean;
  /** The card's and its checkbox's accessible names, worded by GalleryCard. */
  cardLabel: string;
  selectLabel: string;
  /** The poster (or its stand-in), the prompt inside the link, and the lines below it. */
  thumb: ReactNode;
  prompt: ReactNode;
  children: ReactNode;
};

/**
 * The interactive part of a gallery card: the silent preview while hovered or focused, the
 * link, the selection checkbox and the star. What it frames is passed in already rendered,
 * so on the server-rendered first page none of that code ships to the browser.
 */
export function GalleryCardFrame(props: Props) {
  const { id, href, videoUrl, favorite, cardLabel, selectLabel, thumb, prompt, children } = props;
  const { selected: selection, onSelect } = useContext(SelectionContext);
  const [previewing, setPreviewing] = useState(false);
  const selected = selection.includes(id);
  const start = () => setPreviewing(Boolean(videoUrl));
  const stop = () => setPreviewing(false);
  const reveal = selected || selection.length > 0 ? "opacity-100" : "opacity-0";
  return (
    <article
      aria-label={cardLabel}
      data-generation-id={id}
      onMouseEnter={start}
      onMouseLeave={stop}
      className={`group relative flex h-full flex-col rounded-xl border bg-panel has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-accent-2 ${selected ? "border-accent ring-1 ring-accent" : "border-line"}`}
    >
      <div className="relative aspect-square overflow-hidden rounded-t-xl bg-black/40">
        {thumb}
        {previewing && videoUrl ? (
          // The preview repeats the poster in motion: nothing for a screen reader to add.
          <div aria-hidden="true" className="absolute inset-0">
            <video
              src={videoUrl}
              muted
              autoPlay
              loop
              playsInline
              tabIndex={-1}
              data-preview=""
              className="h-full w-full object-contain"
            />
          </div>
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-3">
        <p className="line-clamp-2 text-sm text-white/90">
          <Link
            href={href}
            data-card-link=""
            onFocus={start}
            onBlur={stop}
            className="outline-none after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
          >
            {prompt}
          </Link>
        </p>
        {children}
      </div>
      <label
        className={`absolute top-0 left-0 z-10 flex size-11 cursor-pointer items-center justify-center rounded-tl-xl transition-opacity group-hover:opacity-100 focus-within:opacity-100 pointer-coarse:opacity-100 ${reveal}`}
      >
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          data-select-toggle=""
          onChange={(event) => onSelect(id, event.target.checked)}
          aria-label={selectLabel}
          className="size-5 cursor-pointer accent-violet-500"
        />
      </label>
      <FavoriteButton
        id={id}
        initial={favorite}
        tabIndex={-1}
        className="absolute top-0 right-0 z-10 bg-black/40 backdrop-blur-sm"
      />
    </article>
  );
}
