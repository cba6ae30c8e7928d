"use client";

import { useMemo, useRef, useState } from "react";
import {
  type ElementSummary,
  type PromptEditorHandle,
  PromptEditorLazy,
} from "@/components/composer/prompt-editor/prompt-editor-lazy";
import { ReferenceTray } from "@/components/composer/reference-tray/reference-tray";
import { checkComposer } from "@/lib/composer/build-submission";
import { issuesForReference } from "@/lib/composer/composer-issue";
import { removeReference } from "@/lib/prompt/reference-list";
import { newReferenceId, type PromptSegment, type Reference } from "@/lib/prompt/reference-types";

const LIBRARY: ElementSummary[] = [
  { elementId: "823456789012345678", name: "Cat", description: "A ginger cat" },
  { elementId: "923456789012345678", name: "Robot" },
];

export default function EditorLab() {
  const [refs, setRefs] = useState<Reference[]>([]);
  const [segments, setSegments] = useState<PromptSegment[]>([]);
  const editor = useRef<PromptEditorHandle>(null);
  const check = useMemo(
    () => checkComposer(segments, refs, { mode: "std", aspectRatio: "16:9", duration: "5" }),
    [segments, refs],
  );
  const addFiles = (files: File[]) =>
    files.map((file) => {
      const id = newReferenceId();
      setRefs((r) => [
        ...r,
        { id, kind: "image", name: file.name, source: "upload", uploadId: `up_${id}`, thumbnailUrl: URL.createObjectURL(file) },
      ]);
      return id;
    });
  const addImage = () => {
    const id = newReferenceId();
    setRefs((r) => [...r, { id, kind: "image", name: `pic${r.length + 1}.png`, source: "url", url: "https://x/y.png" }]);
  };
  const addVideo = () => {
    const id = newReferenceId();
    setRefs((r) => [...r, { id, kind: "video", name: "clip.mp4", source: "url", url: "https://x/c.mp4", referType: "feature", keepOriginalSound: false }]);
  };
  const onAddElement = (el: ElementSummary) => {
    const id = newReferenceId();
    setRefs((r) => [...r, { id, kind: "element", name: el.name, elementId: el.elementId }]);
    return id;
  };
  const out = {
    prompt: check.submission.prompt,
    images: check.submission.images.map((r) => r.id),
    elements: check.submission.elements.map((r) => r.elementId),
    videos: check.submission.videos.map((r) => r.id),
    refs: refs.map((r) => r.id),
    issues: check.issues.map((i) => i.message),
    unused: check.unused.map((r) => r.id),
  };
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 p-6">
      <span id="prompt-label" className="text-xs uppercase text-muted">
        Prompt
      </span>
      <PromptEditorLazy
        labelledBy="prompt-label"
        references={refs}
        elementLibrary={LIBRARY}
        onChange={setSegments}
        onFilesDropped={addFiles}
        onPasteImage={addFiles}
        onAddElement={onAddElement}
        editorRef={editor}
      />
      <div className="flex gap-2">
        <button type="button" onClick={addImage}>Add image</button>
        <button type="button" onClick={addVideo}>Add video</button>
        <button type="button" onClick={() => editor.current?.setValue("Hello <<<image_1>>> and <<<image_2>>>")}>Set value</button>
      </div>
      <ReferenceTray
        references={refs}
        onReorder={setRefs}
        onRemove={(id) => setRefs((r) => removeReference(r, id))}
        onFrameChange={(id, frame) => setRefs((r) => r.map((x) => (x.id === id && x.kind === "image" ? { ...x, frame } : x)))}
        onVideoChange={(id, patch) => setRefs((r) => r.map((x) => (x.id === id && x.kind === "video" ? { ...x, ...patch } : x)))}
        onInsert={(id) => editor.current?.insertReferences([id])}
        issuesFor={(id) => issuesForReference(check.issues, id)}
        unusedIds={new Set(check.unused.map((r) => r.id))}
      />
      <pre data-testid="out" className="whitespace-pre-wrap text-xs">{JSON.stringify(out)}</pre>
      <pre data-testid="segments" className="whitespace-pre-wrap text-xs">{JSON.stringify(segments)}</pre>
    </main>
  );
}
