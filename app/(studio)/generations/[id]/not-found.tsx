import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";

/** A generation id that is not (or no longer) in the history, inside the studio's frame. */
export default async function GenerationNotFound() {
  const t = await getTranslations("notFound");
  return <NotFoundMessage heading={t("generationHeading")} text={t("generationText")} />;
}
