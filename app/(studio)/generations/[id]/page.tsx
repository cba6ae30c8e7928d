import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GenerationDetail } from "@/components/generations/generation-detail";
import { findGeneration } from "@/lib/generations/get-generation";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const generation = await findGeneration((await params).id);
  return { title: generation ? generation.prompt.slice(0, 60) : "Not found" };
}

export default async function GenerationPage({ params }: Props) {
  const generation = await findGeneration((await params).id);
  if (!generation) notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="sr-only">Generation details</h1>
      <GenerationDetail initial={generation} />
    </div>
  );
}
