"use client";

import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { EditorRefPlugin } from "@lexical/react/LexicalEditorRefPlugin";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { PlainTextPlugin } from "@lexical/react/LexicalPlainTextPlugin";
import type { LexicalEditor } from "lexical";
import { useTranslations } from "next-intl";
import { useImperativeHandle, useRef, useState } from "react";
import { ChangePlugin } from "./change-plugin";
import { ChipKeysPlugin } from "./chip-keys-plugin";
import { DropPastePlugin } from "./drop-paste-plugin";
import { MentionPlugin } from "./mention-plugin";
import { createPromptEditorHandle, initialEditorState } from "./prompt-editor-handle";
import type { PromptEditorProps } from "./prompt-editor-props";
import { ReferenceChipNode } from "./reference-chip-node";
import { ReferencesContext } from "./references-context";
import { ReferencesSyncPlugin } from "./references-sync-plugin";
import { SubmitShortcutPlugin } from "./submit-shortcut-plugin";

const NO_ELEMENTS: never[] = [];

/**
 * The "Prompt" textbox: plain text with reference chips. Uncontrolled — it starts from
 * `initialValue` and reports every change as segments; the parent changes it through
 * `editorRef` (insert chips, replace the text, clear after a successful submit).
 */
export function PromptEditor({
  id,
  references,
  elementLibrary = NO_ELEMENTS,
  initialValue,
  onChange,
  onFilesDropped,
  onPasteImage,
  onAddElement,
  placeholder: givenPlaceholder,
  invalid = false,
  describedBy,
  labelledBy,
  editorRef,
}: PromptEditorProps) {
  const t = useTranslations("composer");
  const placeholder = givenPlaceholder ?? t("promptPlaceholder");
  const lexical = useRef<LexicalEditor | null>(null);
  // Read once at mount: later value changes go through editorRef.setValue.
  const [initialConfig] = useState(() => ({
    namespace: "omni-prompt",
    nodes: [ReferenceChipNode],
    onError: (error: Error) => {
      console.error(error);
    },
    editorState: initialEditorState(initialValue, references),
  }));

  useImperativeHandle(editorRef, () => createPromptEditorHandle(lexical, () => references), [
    references,
  ]);

  return (
    <ReferencesContext.Provider value={references}>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="relative">
          <PlainTextPlugin
            contentEditable={
              <ContentEditable
                id={id}
                aria-label={labelledBy ? undefined : t("prompt")}
                aria-labelledby={labelledBy}
                aria-describedby={describedBy}
                aria-invalid={invalid ? true : undefined}
                aria-multiline
                aria-autocomplete="list"
                aria-haspopup="listbox"
                aria-placeholder={placeholder}
                placeholder={
                  <div
                    aria-hidden="true"
                    className="pointer-events-none absolute left-3 top-3 select-none text-sm text-muted"
                  >
                    {placeholder}
                  </div>
                }
                className={`min-h-32 whitespace-pre-wrap break-words rounded-md border bg-panel-2 p-3 text-sm leading-relaxed text-white outline-none focus-visible:outline-2 focus-visible:outline-accent-2 data-drop-target:border-accent-2 data-drop-target:bg-accent/10 data-drop-target:ring-2 data-drop-target:ring-accent-2 ${
                  invalid ? "border-red-400" : "border-line"
                }`}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <HistoryPlugin />
          <EditorRefPlugin editorRef={lexical} />
          <ReferencesSyncPlugin references={references} />
          <ChangePlugin onChange={onChange} />
          <ChipKeysPlugin />
          <SubmitShortcutPlugin />
          <DropPastePlugin
            onFilesDropped={onFilesDropped}
            onPasteImage={onPasteImage}
            onElementDropped={onAddElement}
          />
          <MentionPlugin
            references={references}
            elementLibrary={elementLibrary}
            onAddElement={onAddElement}
          />
        </div>
      </LexicalComposer>
    </ReferencesContext.Provider>
  );
}
