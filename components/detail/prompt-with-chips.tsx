import { PromptParts } from "@/components/generations/reference-chip";
import type { ReferenceView } from "@/lib/gallery/detail-types";

/** The prompt as sent, each token a chip (the one chip component the studio's pages share). */
export function PromptWithChips({
  prompt,
  references,
}: {
  prompt: string;
  references: ReferenceView[];
}) {
  return (
    <p className="whitespace-pre-wrap leading-7 text-white/90">
      <PromptParts prompt={prompt} references={references} />
    </p>
  );
}
