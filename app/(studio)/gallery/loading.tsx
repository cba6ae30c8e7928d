export default function GalleryLoading() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <h1 className="text-xl font-semibold">Gallery</h1>
      <p role="status" className="text-sm text-muted">
        Loading your generations…
      </p>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={i} className="aspect-video animate-pulse rounded-xl bg-panel-2" />
        ))}
      </ul>
    </div>
  );
}
