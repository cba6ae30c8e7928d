import { ComposerForm } from "@/components/composer/composer-form";
import { GenerationCard } from "@/components/generations/generation-card";
import { QueryProvider } from "@/components/providers/query-provider";
import { listElements } from "@/lib/elements/element-repository";
import { getEnv } from "@/lib/env";
import { listGenerations } from "@/lib/generations/get-generation";
import { loadRemixRecipe } from "@/lib/remix/load-remix";
import { providerMediaBase } from "@/lib/uploads/provider-media-url";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ remix?: string | string[] }> };

export default async function StudioPage({ searchParams }: Props) {
  const { remix } = await searchParams;
  const [recent, elements, remixDraft] = await Promise.all([
    listGenerations({ limit: 9 }),
    listElements(),
    typeof remix === "string" ? loadRemixRecipe(remix) : Promise.resolve(null),
  ]);
  const mediaBase = providerMediaBase();
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="composer-heading" className="flex flex-col gap-3">
        <h1 id="composer-heading" className="text-xl font-semibold">
          {remixDraft ? "Remix" : "New video"}
        </h1>
        <ComposerForm
          elements={elements}
          priceInfo={getEnv().pricing}
          videoUploadProblem={mediaBase.ok ? null : mediaBase.problem}
          remixDraft={remixDraft}
        />
      </section>
      <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-muted">Nothing yet. Your generations will appear here.</p>
        ) : (
          <QueryProvider>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {recent.map((generation) => (
                <GenerationCard key={generation.id} initial={generation} />
              ))}
            </div>
          </QueryProvider>
        )}
      </section>
    </div>
  );
}
