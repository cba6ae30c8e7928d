"use client";

import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { AddElementButton } from "@/components/elements/element-dialog";
import { ElementLibrary } from "@/components/elements/element-library";
import { useSay } from "@/i18n/use-say";
import { checkComposer } from "@/lib/composer/build-submission";
import { screenPickedFiles } from "@/lib/composer/screen-picked-file";
import { settingsView } from "@/lib/composer/settings-view";
import type { ComposerSubmission } from "@/lib/composer/submission-shape";
import type { ElementView } from "@/lib/elements/element-schema";
import { estimateCostUsd, priceLabel } from "@/lib/generations/estimate-cost";
import { promptLength } from "@/lib/prompt/prompt-length";
import { referenceTitle, setFrameImage } from "@/lib/prompt/reference-list";
import type { PromptSegment } from "@/lib/prompt/reference-types";
import { checkLink } from "./check-link";
import { ComposerAddBar } from "./composer-add-bar";
import { type ComposerDraft, isEmptyDraft, keepableDraft } from "./composer-draft";
import { ComposerFooter } from "./composer-footer";
import type { ComposerBodyControls, ComposerFormProps } from "./composer-form";
import { ComposerPromptField } from "./composer-prompt-field";
import { ComposerRestart } from "./composer-restart";
import { ComposerSettings, type SettingsValues } from "./composer-settings";
import { FrameSlots } from "./frame-slots";
import { generateOnModEnter } from "./generate-shortcut";
import type { PromptEditorHandle } from "./prompt-editor/prompt-editor-lazy";
import { ReferenceTray } from "./reference-tray/reference-tray";
import { ModelAndStoryboard } from "./storyboard/model-and-storyboard";
import { useModelControls } from "./storyboard/use-model-controls";
import { submissionResolver } from "./submission-resolver";
import { useComposerReferences } from "./use-composer-references";
import { useComposerSubmit } from "./use-composer-submit";
import { useDraftAutosave } from "./use-draft-autosave";
import { usePageDropCatch } from "./use-page-drop-catch";
import { useReferenceIssues } from "./use-reference-issues";

/** The composer: chip editor, references with uploads, settings, cost and Generate. */
export function ComposerBody(
  props: ComposerFormProps & ComposerBodyControls & { initial: ComposerDraft },
) {
  const { initial, priceInfo } = props;
  const t = useTranslations("composer");
  const say = useSay();
  const editorRef = useRef<PromptEditorHandle>(null);
  const refs = useComposerReferences(initial.references);
  const [segments, setSegments] = useState<PromptSegment[]>(initial.segments);
  const [library, setLibrary] = useState<readonly ElementView[]>(props.elements);
  const [refused, setRefused] = useState<string[]>([]);
  // The resolver reads the submission as of the latest render (settings, prompt, references).
  const latestSubmission = useRef<ComposerSubmission | null>(null);
  const [elementTasksVersion, setElementTasksVersion] = useState(0);
  const form = useForm<SettingsValues>({
    resolver: submissionResolver(() => latestSubmission.current),
    defaultValues: {
      mode: initial.settings.mode,
      aspectRatio: initial.settings.aspectRatio ?? "16:9",
      duration: initial.settings.duration,
      sendUnused: initial.sendUnused,
      takes: initial.takes ?? 1,
    },
  });
  const [mode, aspectRatio, duration, sendUnused, takes] = form.watch([
    "mode",
    "aspectRatio",
    "duration",
    "sendUnused",
    "takes",
  ]);
  const v3 = useModelControls(initial, refs.references, segments, form);
  const { model, sound, storyboard, customShots, shotListRef } = v3;
  const check = useMemo(
    () =>
      checkComposer(
        segments,
        refs.references,
        { mode, aspectRatio, duration, model, sound },
        { dropUnused: !sendUnused, storyboard },
      ),
    [segments, refs.references, mode, aspectRatio, duration, model, sound, sendUnused, storyboard],
  );
  const submission = check.submission;
  latestSubmission.current = submission;
  const draft: ComposerDraft = {
    segments,
    references: refs.references,
    settings: { mode, aspectRatio, duration, model, sound },
    sendUnused,
    takes,
    remixOf: initial.remixOf,
    storyboard,
  };
  useDraftAutosave(draft);
  usePageDropCatch();
  const submit = useComposerSubmit({
    submission,
    draft,
    uploading: refs.uploading,
    uploadErrors: refs.uploadErrors,
    editorRef,
  });
  const { serverErrors, setAnnouncement } = submit;
  const issues = useReferenceIssues({
    check,
    progress: refs.progress,
    uploadErrors: refs.uploadErrors,
    serverErrors,
    attempted: submit.attempted,
    videoUploadProblem: props.videoUploadProblem,
    references: refs.references,
  });

  const view = settingsView(submission, duration);
  const { durationRule: rule, videoSeconds, seconds, aspectSetBy } = view;
  const cost = estimateCostUsd(
    { model, mode, seconds, hasVideo: submission.videos.length > 0, sound },
    priceInfo.table,
  );
  const promptErrors = [...issues.forTarget("prompt"), ...(serverErrors.prompt ?? [])];

  /**
   * Chips for new references. Focus stays on the button that added them (a keyboard user
   * can add more); only the tray's "Insert" moves the caret into the text.
   */
  const insert = (ids: readonly string[], what: string, focusEditor = false) => {
    if (ids.length === 0) return;
    (customShots ? shotListRef : editorRef).current?.insertReferences(ids, { focus: focusEditor });
    setAnnouncement(t("addedToPrompt", { what }));
  };

  const insertElement = (element: ElementView) =>
    insert([refs.addElement(element)], t("whatElement", { name: element.name }));

  /** Files become references only once measured: a file breaking a rule gets no chip. */
  const acceptFiles = async (files: readonly File[]): Promise<string[]> => {
    const { accepted, refused: messages } = await screenPickedFiles(files);
    setRefused(messages);
    return refs.addFiles(accepted.map((a) => a.file));
  };

  const onSubmit = form.handleSubmit(submit.onValid, submit.onInvalid);

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={generateOnModEnter}
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-4"
    >
      <ComposerPromptField
        references={refs.references}
        library={library}
        initialValue={initial.segments}
        onChange={setSegments}
        onFiles={acceptFiles}
        onAddElement={(element) => refs.addElement(element)}
        editorRef={editorRef}
        sentLength={promptLength(submission.prompt)}
        errors={promptErrors}
        hidden={customShots}
      />
      <ComposerAddBar
        onFiles={(files, kind) =>
          void acceptFiles(files).then((ids) =>
            insert(ids, kind === "video" ? t("whatVideo") : t("whatImages")),
          )
        }
        refused={refused}
        onUrl={async (url) => {
          // Judged before it is added, as a file is: a bad link never gets a chip.
          const link = await checkLink(url);
          if (!link.ok) return link.refusal;
          insert([refs.addUrl(link.kind, url, link.facts)], t("whatLink"));
          return null;
        }}
        videoNote={props.videoUploadProblem}
      >
        <AddElementButton
          onCreating={() => setElementTasksVersion((version) => version + 1)}
          onAdded={(element) => {
            setLibrary((list) => [...list, element]);
            insertElement(element);
          }}
        />
      </ComposerAddBar>
      <ElementLibrary
        elements={library}
        tasksVersion={elementTasksVersion}
        onElementsAdded={(added) =>
          setLibrary((list) => [...list, ...added.filter((a) => !list.some((e) => e.id === a.id))])
        }
        onUse={insertElement}
        onDeleted={(id) => setLibrary((list) => list.filter((e) => e.id !== id))}
        onUpdated={(saved, previousElementId) => {
          setLibrary((list) => list.map((e) => (e.id === saved.id ? saved : e)));
          refs.updateElement(saved, previousElementId);
        }}
      />
      <FrameSlots
        references={refs.references}
        // From the newest list: a file dropped on a slot is added a moment before.
        onSetFrame={(frame, refId) =>
          refs.updateReferences((current) => setFrameImage(current, frame, refId))
        }
        onFiles={acceptFiles}
      />
      <ReferenceTray
        references={refs.references}
        onReorder={refs.setReferences}
        onRemove={refs.remove}
        onVideoChange={(id, patch) =>
          refs.patch(id, (r) => (r.kind === "video" ? { ...r, ...patch } : r))
        }
        onInsert={(id) => insert([id], say(referenceTitle(refs.references, id)), true)}
        issuesFor={issues.forReference}
        unusedIds={issues.unusedIds}
        progressFor={(id) => refs.progress[id]}
      />
      <ModelAndStoryboard {...{ v3, issues, refs, library, submission, duration }} />
      <ComposerSettings
        register={form.register}
        durationRule={rule}
        videoSeconds={videoSeconds}
        aspectSetBy={aspectSetBy}
        errorFor={(field) => [...issues.forTarget(field), ...(serverErrors[field] ?? [])][0]}
      />
      <ComposerFooter
        register={form.register}
        unused={check.unused}
        unusedTitles={check.unused
          .map((r) => say(referenceTitle(refs.references, r.id)))
          .join(", ")}
        cost={takes * cost}
        costLabel={say(priceLabel(priceInfo))}
        pending={submit.pending}
        uploading={refs.uploading}
        formError={submit.formError}
        announcement={submit.announcement}
        takes={{ count: takes, made: submit.made }}
      >
        <ComposerRestart
          empty={isEmptyDraft(draft)}
          onNewVideo={() => props.onNewVideo(keepableDraft(draft))}
          onUndo={props.onUndo}
        />
      </ComposerFooter>
    </form>
  );
}
