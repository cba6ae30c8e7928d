import { ComposerForm } from "@/components/composer/composer-form";
import { GenerationCard } from "@/components/generations/generation-card";
import { listGenerations } from "@/lib/generations/get-generation";

export const dynamic = "force-dynamic";

export default async function StudioPage() {
  const recent = await listGenerations({ limit: 9 });
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="composer-heading" className="flex flex-col gap-3">
        <h1 id="composer-heading" className="text-xl font-semibold">
          New video
        </h1>
        <ComposerForm />
      </section>
      <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-muted">Nothing yet. Your generations will appear here.</p>
        ) : (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {recent.map((generation) => (
              <GenerationCard key={generation.id} initial={generation} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
