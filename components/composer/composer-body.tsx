"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { AddElementButton } from "@/components/elements/element-dialog";
import { ElementLibrary } from "@/components/elements/element-library";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { checkComposer } from "@/lib/composer/build-submission";
import { composerSubmissionSchema } from "@/lib/composer/composer-submission-schema";
import { settingsView } from "@/lib/composer/settings-view";
import type { ElementView } from "@/lib/elements/element-schema";
import { estimateCostUsd, formatUsd, priceLabel } from "@/lib/generations/estimate-cost";
import { referenceTitle } from "@/lib/prompt/reference-list";
import type { PromptSegment } from "@/lib/prompt/reference-types";
import { ComposerAddBar } from "./composer-add-bar";
import { type ComposerDraft, clearDraft } from "./composer-draft";
import { ComposerFooter } from "./composer-footer";
import type { ComposerFormProps } from "./composer-form";
import { ComposerPromptField } from "./composer-prompt-field";
import { ComposerSettings, type SettingsValues } from "./composer-settings";
import type { PromptEditorHandle } from "./prompt-editor/prompt-editor-lazy";
import { ReferenceTray } from "./reference-tray/reference-tray";
import { useComposerReferences } from "./use-composer-references";
import { useDraftAutosave } from "./use-draft-autosave";
import { useReferenceIssues } from "./use-reference-issues";

/** The composer: chip editor, references with uploads, settings, cost and Generate. */
export function ComposerBody(props: ComposerFormProps & { initial: ComposerDraft }) {
  const { initial, priceInfo } = props;
  const router = useRouter();
  const editorRef = useRef<PromptEditorHandle>(null);
  const refs = useComposerReferences(initial.references);
  const [segments, setSegments] = useState<PromptSegment[]>(initial.segments);
  const [library, setLibrary] = useState<readonly ElementView[]>(props.elements);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const form = useForm<SettingsValues>({
    defaultValues: {
      mode: initial.settings.mode,
      aspectRatio: initial.settings.aspectRatio ?? "16:9",
      duration: initial.settings.duration,
      sendUnused: initial.sendUnused,
    },
  });
  const [mode, aspectRatio, duration, sendUnused] = form.watch([
    "mode",
    "aspectRatio",
    "duration",
    "sendUnused",
  ]);
  const check = useMemo(
    () =>
      checkComposer(
        segments,
        refs.references,
        { mode, aspectRatio, duration },
        { dropUnused: !sendUnused },
      ),
    [segments, refs.references, mode, aspectRatio, duration, sendUnused],
  );
  const issues = useReferenceIssues({
    check,
    progress: refs.progress,
    uploadErrors: refs.uploadErrors,
    serverErrors,
    attempted,
    videoUploadProblem: props.videoUploadProblem,
    references: refs.references,
  });

  useDraftAutosave({
    segments,
    references: refs.references,
    settings: { mode, aspectRatio, duration },
    sendUnused,
    remixOf: initial.remixOf,
  });

  const submission = check.submission;
  const {
    durationRule: rule,
    videoSeconds,
    seconds,
    aspectSetBy,
  } = settingsView(submission, duration);
  const cost = estimateCostUsd(
    { mode, seconds, hasVideo: submission.videos.length > 0 },
    priceInfo.table,
  );
  const promptErrors = [...issues.forTarget("prompt"), ...(serverErrors.prompt ?? [])];

  /**
   * Chips for new references. Focus stays on the button that added them (a keyboard user
   * can add more); only the tray's "Insert" moves the caret into the text.
   */
  const insert = (ids: readonly string[], what: string, focusEditor = false) => {
    if (ids.length === 0) return;
    editorRef.current?.insertReferences(ids, { focus: focusEditor });
    setAnnouncement(`${what} added to the prompt.`);
  };

  const onSubmit = form.handleSubmit(() => {
    setAttempted(true);
    setFormError(null);
    setServerErrors({});
    if (refs.uploading) return setFormError("Wait for the uploads to finish, then Generate.");
    const parsed = composerSubmissionSchema.safeParse(submission);
    const failed = Object.values(refs.uploadErrors)[0];
    if (!parsed.success || failed) {
      const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
      setFormError(
        failed ??
          (messages.length > 1
            ? `${messages.length} things need fixing. ${messages[0]}`
            : (messages[0] ?? null)),
      );
      if (!parsed.success && parsed.error.issues[0]?.path[0] === "prompt")
        editorRef.current?.focus();
      return;
    }
    startTransition(async () => {
      const result = await createGenerationAction({
        ...submission,
        ...(initial.remixOf ? { remixOf: initial.remixOf } : {}),
      });
      if (!result.ok) {
        setServerErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      clearDraft();
      editorRef.current?.clear();
      refs.reset();
      setSegments([]);
      setAttempted(false);
      setAnnouncement("Generation started. It appears under Recent.");
      if (initial.remixOf) router.replace("/");
      router.refresh();
    });
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-4"
    >
      <ComposerPromptField
        references={refs.references}
        library={library}
        initialSegments={initial.segments}
        onChange={setSegments}
        onFiles={(files) => refs.addFiles(files)}
        onAddElement={(element) => refs.addElement(element)}
        editorRef={editorRef}
        sentLength={submission.prompt.length}
        errors={promptErrors}
      />
      <ComposerAddBar
        onFiles={(files, kind) =>
          insert(refs.addFiles(files), kind === "video" ? "Video" : "Images")
        }
        onUrl={(url) => {
          if (!/^https:\/\/\S+$/i.test(url))
            return "Give a full https:// link to a JPEG or PNG image (or an MP4 video).";
          insert(
            [
              refs.addUrl(
                /\.(mp4|mov)$/i.test(url.split(/[?#]/)[0] ?? "") ? "video" : "image",
                url,
              ),
            ],
            "Link",
          );
          return null;
        }}
        videoNote={props.videoUploadProblem}
      >
        <AddElementButton
          onAdded={(element) => {
            setLibrary((list) => [...list, element]);
            insert([refs.addElement(element)], `Element ${element.name}`);
          }}
        />
      </ComposerAddBar>
      <ElementLibrary
        elements={library}
        onUse={(element) => insert([refs.addElement(element)], `Element ${element.name}`)}
        onDeleted={(id) => setLibrary((list) => list.filter((e) => e.id !== id))}
        onUpdated={(saved, previousElementId) => {
          setLibrary((list) => list.map((e) => (e.id === saved.id ? saved : e)));
          refs.updateElement(saved, previousElementId);
        }}
      />
      <ReferenceTray
        references={refs.references}
        onReorder={refs.setReferences}
        onRemove={refs.remove}
        onFrameChange={(id, frame) =>
          refs.patch(id, (r) => (r.kind === "image" ? { ...r, frame } : r))
        }
        onVideoChange={(id, patch) =>
          refs.patch(id, (r) => (r.kind === "video" ? { ...r, ...patch } : r))
        }
        onInsert={(id) => insert([id], referenceTitle(refs.references, id), true)}
        issuesFor={issues.forReference}
        unusedIds={issues.unusedIds}
        progressFor={(id) => refs.progress[id]}
      />
      <ComposerSettings
        register={form.register}
        durationRule={rule}
        videoSeconds={videoSeconds}
        aspectSetBy={aspectSetBy}
        errors={{
          mode: [...issues.forTarget("mode"), ...(serverErrors.mode ?? [])][0],
          aspectRatio: [...issues.forTarget("aspectRatio"), ...(serverErrors.aspectRatio ?? [])][0],
          duration: [...issues.forTarget("duration"), ...(serverErrors.duration ?? [])][0],
        }}
      />
      <ComposerFooter
        register={form.register}
        unused={check.unused}
        unusedTitles={check.unused.map((r) => referenceTitle(refs.references, r.id)).join(", ")}
        cost={formatUsd(cost)}
        costLabel={priceLabel(priceInfo)}
        pending={pending}
        uploading={refs.uploading}
        formError={formError}
        announcement={announcement}
      />
    </form>
  );
}
