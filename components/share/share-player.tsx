import { preload } from "react-dom";
import { PromptWithChips } from "@/components/detail/prompt-with-chips";
import type { SharePageData } from "@/lib/shares/get-share-page";

/** Server-rendered on purpose: the share page ships no component JavaScript of its own. */
export function SharePlayer({ page }: { page: SharePageData }) {
  const width = page.width ?? 1280;
  const height = page.height ?? 720;
  // The poster is the page's largest paint: ask for it with the HTML, not after layout.
  if (page.posterPath) preload(page.posterPath, { as: "image", fetchPriority: "high" });
  return (
    <main className="mx-auto flex min-h-screen max-w-4xl flex-col gap-5 px-4 py-8">
      <header className="flex items-center justify-between gap-3">
        <p className="font-semibold tracking-tight">Omni Studio</p>
        <a
          href="/"
          className="rounded-md bg-violet-700 px-4 py-2 text-sm font-medium text-white hover:bg-violet-600"
        >
          Make your own
        </a>
      </header>
      <h1 className="text-xl font-semibold">{page.title}</h1>
      {/* The box has the video's shape before any byte arrives, so nothing shifts. */}
      <div
        className="mx-auto w-full overflow-hidden rounded-xl border border-line bg-black"
        style={{ aspectRatio: `${width} / ${height}`, maxWidth: `calc(75vh * ${width / height})` }}
      >
        {/* biome-ignore lint/a11y/useMediaCaption: generated videos have no speech to caption */}
        <video
          src={page.videoPath}
          poster={page.posterPath ?? undefined}
          width={width}
          height={height}
          controls
          playsInline
          preload="metadata"
          aria-label="Shared video"
          className="h-full w-full"
        />
      </div>
      {page.recipe ? (
        <section aria-labelledby="recipe-heading" className="flex flex-col gap-2 text-sm">
          <h2 id="recipe-heading" className="text-xs uppercase tracking-wide text-muted">
            Recipe
          </h2>
          <PromptWithChips prompt={page.recipe.prompt} references={page.recipe.references} />
        </section>
      ) : null}
      <footer className="text-xs text-muted">
        Made with Kling Omni in Omni Studio, a self-hosted video studio.
      </footer>
    </main>
  );
}
