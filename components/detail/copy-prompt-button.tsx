"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** "Copy prompt" beside a prompt or a storyboard's shots, in the detail page's small caps row. */
export function CopyPromptButton({ text }: { text: string }) {
  const t = useTranslations("detail");
  return (
    <CopyButton
      text={text}
      label={t("copyPrompt")}
      className="rounded-md border border-line px-2.5 py-1 text-xs normal-case tracking-normal text-white hover:bg-panel-2"
    />
  );
}
