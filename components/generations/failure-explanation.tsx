import { useTranslations } from "next-intl";
import { useSay } from "@/i18n/use-say";
import { failureExplanationKey } from "@/lib/generations/failure-advice";
import type { GenerationView } from "@/lib/generations/generation-view";

/**
 * Why a generation failed (or is slow), in the reader's language, chosen by its error code;
 * the stored message follows as the details: a catalog message said here (with the
 * provider's own words inside), or, on rows stored before that, the English text as it was.
 * Needs the failureDetails namespace in scope (COMPOSER_NAMESPACES, DETAIL_NAMESPACES).
 */
export function FailureExplanation({
  generation,
}: {
  generation: Pick<GenerationView, "status" | "errorCode" | "errorMessage">;
}) {
  const t = useTranslations("failure");
  const say = useSay();
  return (
    <>
      {t(failureExplanationKey(generation))}
      {generation.errorMessage ? (
        <span className="mt-1 block text-xs opacity-80">
          {t("providerSaid", { message: say(generation.errorMessage) })}
        </span>
      ) : null}
    </>
  );
}
