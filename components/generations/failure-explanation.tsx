import { useTranslations } from "next-intl";
import { failureExplanationKey } from "@/lib/generations/failure-advice";
import type { GenerationView } from "@/lib/generations/generation-view";

/**
 * Why a generation failed (or is slow), in the reader's language, chosen by its error code;
 * the stored message follows as the details, since it carries the provider's own words.
 */
export function FailureExplanation({
  generation,
}: {
  generation: Pick<GenerationView, "status" | "errorCode" | "errorMessage">;
}) {
  const t = useTranslations("failure");
  return (
    <>
      {t(failureExplanationKey(generation))}
      {generation.errorMessage ? (
        <span className="mt-1 block text-xs opacity-80">
          {t("providerSaid", { message: generation.errorMessage })}
        </span>
      ) : null}
    </>
  );
}
