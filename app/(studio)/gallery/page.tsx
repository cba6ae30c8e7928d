import type { Metadata } from "next";
import Link from "next/link";
import { GenerationCard } from "@/components/generations/generation-card";
import { listGenerations } from "@/lib/generations/get-generation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gallery" };

const PAGE_SIZE = 24;

export default async function GalleryPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const { cursor } = await searchParams;
  const generations = await listGenerations({
    limit: PAGE_SIZE,
    cursor: typeof cursor === "string" ? cursor : undefined,
  });
  const last = generations.at(-1);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Gallery</h1>
      {generations.length === 0 ? (
        <p className="text-sm text-muted">
          No generations yet.{" "}
          <Link href="/" className="text-accent-2 underline">
            Make your first video
          </Link>
          .
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {generations.map((generation) => (
            <GenerationCard key={generation.id} initial={generation} />
          ))}
        </div>
      )}
      {last && generations.length === PAGE_SIZE ? (
        <Link
          href={`/gallery?cursor=${encodeURIComponent(last.id)}`}
          className="self-center text-sm text-accent-2 underline"
        >
          Older generations
        </Link>
      ) : null}
    </div>
  );
}
