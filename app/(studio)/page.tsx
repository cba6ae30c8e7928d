import { getTranslations } from "next-intl/server";
import { ComposerForm } from "@/components/composer/composer-form";
import { GenerationCard } from "@/components/generations/generation-card";
import { QueryProvider } from "@/components/providers/query-provider";
import { IntlScope } from "@/i18n/intl-scope";
import { COMPOSER_NAMESPACES, ELEMENTS_NAMESPACES } from "@/i18n/namespaces";
import { listElements } from "@/lib/elements/element-repository";
import { getEnv } from "@/lib/env";
import { listRecentGenerations } from "@/lib/progress/progress-facts";
import { loadRemixRecipe } from "@/lib/remix/load-remix";
import { providerMediaBase } from "@/lib/uploads/provider-media-url";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ remix?: string | string[] }> };

export default async function StudioPage({ searchParams }: Props) {
  const { remix } = await searchParams;
  const [recent, elements, remixDraft] = await Promise.all([
    listRecentGenerations(9),
    listElements(),
    typeof remix === "string" ? loadRemixRecipe(remix) : Promise.resolve(null),
  ]);
  const mediaBase = providerMediaBase();
  const t = await getTranslations("composer");
  return (
    // pb-24 on a phone: room below the last row for the composer's fixed Generate bar.
    <IntlScope namespaces={[...COMPOSER_NAMESPACES, ...ELEMENTS_NAMESPACES]}>
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-8 pb-24 sm:pb-0">
        <section aria-labelledby="composer-heading" className="flex flex-col gap-3">
          <h1 id="composer-heading" className="text-xl font-semibold">
            {remixDraft ? t("headingRemix") : t("headingNew")}
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
            {t("recent")}
          </h2>
          {recent.length === 0 ? (
            <p className="text-sm text-muted">{t("recentEmpty")}</p>
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
    </IntlScope>
  );
}
