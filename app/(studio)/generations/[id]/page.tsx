import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GenerationDetail } from "@/components/generations/generation-detail";
import { QueryProvider } from "@/components/providers/query-provider";
import { getGenerationDetail } from "@/lib/gallery/get-generation-detail";
import { listLiveShares } from "@/lib/shares/share-repository";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await getGenerationDetail((await params).id);
  return { title: detail ? detail.generation.prompt.slice(0, 60) : "Not found" };
}

export default async function GenerationPage({ params }: Props) {
  const { id } = await params;
  const [detail, shares] = await Promise.all([getGenerationDetail(id), listLiveShares(id)]);
  if (!detail) notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="sr-only">Generation details</h1>
      <QueryProvider>
        <GenerationDetail detail={detail} shares={shares} />
      </QueryProvider>
    </div>
  );
}
