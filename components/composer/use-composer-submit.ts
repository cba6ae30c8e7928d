"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type RefObject, useState, useTransition } from "react";
import type { FieldErrors } from "react-hook-form";
import { useSay } from "@/i18n/use-say";
import { createGenerationAction } from "@/lib/actions/create-generation";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import type { CreatedTakes } from "@/lib/composer/takes";
import { type ComposerDraft, markDraftSent } from "./composer-draft";
import type { PromptEditorHandle } from "./prompt-editor/prompt-editor-lazy";
import { errorMessages } from "./submission-resolver";

type Input = {
  submission: ComposerSubmission;
  /** What the composer holds, remembered as sent once the generation is created. */
  draft: ComposerDraft;
  uploading: boolean;
  uploadErrors: Record<string, string>;
  editorRef: RefObject<PromptEditorHandle | null>;
};

/**
 * Generate, after the form's resolver (the action's own schema) has judged the submission.
 * On success the prompt, references and settings stay where they are (people iterate on
 * one idea); only "New video" clears them.
 */
export function useComposerSubmit(input: Input) {
  const router = useRouter();
  const t = useTranslations("composer");
  const say = useSay();
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [made, setMade] = useState<CreatedTakes | null>(null);
  const [pending, startTransition] = useTransition();

  const begin = (): string | null => {
    setAttempted(true);
    setFormError(null);
    setServerErrors({});
    if (input.uploading) return t("waitForUploads");
    const uploadError = Object.values(input.uploadErrors)[0];
    return uploadError ? say(uploadError) : null;
  };

  const onInvalid = (errors: FieldErrors) => {
    const messages = errorMessages(errors).map(say);
    setFormError(
      begin() ??
        (messages.length > 1
          ? t("thingsNeedFixing", { count: messages.length, first: messages[0] ?? "" })
          : (messages[0] ?? null)),
    );
    if ("prompt" in errors) input.editorRef.current?.focus();
  };

  const onValid = () => {
    const blocked = begin();
    if (blocked) return setFormError(blocked);
    const { submission, draft } = input;
    startTransition(async () => {
      const result = await createGenerationAction({
        ...submission,
        takes: draft.takes ?? 1,
        ...(draft.remixOf ? { remixOf: draft.remixOf } : {}),
      });
      if (!result.ok) {
        setServerErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      setMade(result.data);
      markDraftSent(draft);
      setAttempted(false);
      setAnnouncement(t("started"));
      router.refresh();
    });
  };

  return {
    onValid,
    onInvalid,
    serverErrors,
    formError,
    attempted,
    announcement,
    setAnnouncement,
    pending,
    made,
  };
}
