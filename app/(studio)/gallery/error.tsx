"use client";

import Link from "next/link";

export default function GalleryError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-xl border border-red-500/30 bg-red-500/10 p-6 text-sm"
    >
      <h1 className="text-lg font-semibold">The gallery could not be loaded</h1>
      <p className="text-red-100">
        The database did not answer. Your videos are safe; try again in a moment, or check the
        server log.
      </p>
      <div className="flex gap-3">
        <button type="button" onClick={reset} className="rounded-md border border-line px-3 py-1.5">
          Try again
        </button>
        <Link href="/gallery" className="rounded-md border border-line px-3 py-1.5">
          Clear filters
        </Link>
      </div>
    </div>
  );
}
