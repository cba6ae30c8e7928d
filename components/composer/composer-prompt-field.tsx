"use client";

import { useTranslations } from "next-intl";
import { MAX_PROMPT_CHARS } from "@/lib/kling-contract/limits";
import {
  CountedPromptEditor,
  type CountedPromptEditorProps,
} from "./prompt-editor/counted-prompt-editor";

type Props = Omit<CountedPromptEditorProps, "idBase" | "placeholder" | "max"> & {
  /** While a custom storyboard's shots replace the prompt: kept mounted, so its text stays. */
  hidden?: boolean | undefined;
};

/** The "Prompt" label, the chip editor, its errors and the character count. */
export function ComposerPromptField({ hidden, ...editor }: Props) {
  const t = useTranslations("composer");
  return (
    <div hidden={hidden} className={hidden ? undefined : "flex flex-col gap-1"}>
      <span id="prompt-label" className="text-xs font-medium uppercase tracking-wide text-muted">
        {t("prompt")}
      </span>
      <CountedPromptEditor
        {...editor}
        idBase="prompt"
        placeholder={t("promptPlaceholder")}
        max={MAX_PROMPT_CHARS}
      />
      <p className="text-xs text-muted">{t("promptHelp")}</p>
    </div>
  );
}
