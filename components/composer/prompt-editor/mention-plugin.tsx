"use client";

import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  LexicalTypeaheadMenuPlugin,
  useBasicTypeaheadTriggerMatch,
} from "@lexical/react/LexicalTypeaheadMenuPlugin";
import { $isTextNode, type TextNode } from "lexical";
import { useCallback, useMemo, useState } from "react";
import { useSay } from "@/i18n/use-say";
import type { Reference } from "@/lib/prompt/reference-types";
import { $insertChips } from "./editor-segments";
import { MentionMenu } from "./mention-menu";
import { buildMentionOptions, type ElementSummary, type MentionOption } from "./mention-option";
import { $createReferenceChipNode } from "./reference-chip-node";

export type MentionPluginProps = {
  references: readonly Reference[];
  elementLibrary: readonly ElementSummary[];
  /** Adds a library element as a reference and returns the new reference id. */
  onAddElement: ((element: ElementSummary) => string) | undefined;
};

/** Type `@` for a keyboard-driven menu of references and elements; choosing inserts a chip. */
export function MentionPlugin({ references, elementLibrary, onAddElement }: MentionPluginProps) {
  const [editor] = useLexicalComposerContext();
  const say = useSay();
  const [query, setQuery] = useState<string | null>(null);
  const triggerFn = useBasicTypeaheadTriggerMatch("@", { minLength: 0, maxLength: 40 });
  const library = onAddElement ? elementLibrary : [];
  const options = useMemo(
    () => buildMentionOptions(references, library, query, say),
    [references, library, query, say],
  );

  const onSelectOption = useCallback(
    (option: MentionOption, textNode: TextNode | null, closeMenu: () => void) => {
      const refId = option.refId ?? (option.element && onAddElement?.(option.element));
      editor.update(() => {
        // The "@query" text is replaced by the chip; the caret lands just after it.
        if (textNode && refId) {
          $trimStaleTrigger(textNode);
          const chip = $createReferenceChipNode(refId);
          textNode.replace(chip);
          chip.selectNext(0, 0);
        } else if (refId) {
          $insertChips([refId]);
        }
        closeMenu();
      });
      editor.focus();
    },
    [editor, onAddElement],
  );

  return (
    <LexicalTypeaheadMenuPlugin<MentionOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      options={options}
      menuRenderFn={(anchor, itemProps) =>
        anchor.current && itemProps.options.length > 0 ? (
          <MentionMenu anchor={anchor.current} {...itemProps} />
        ) : null
      }
    />
  );
}

/**
 * When Enter comes right after a keystroke, Lexical may still hold the previous query and
 * split off only part of "@query"; the "@…" left in front of it goes too.
 */
function $trimStaleTrigger(queryNode: TextNode): void {
  if (queryNode.getTextContent().startsWith("@")) return;
  const previous = queryNode.getPreviousSibling();
  if (!$isTextNode(previous)) return;
  const text = previous.getTextContent();
  const at = text.lastIndexOf("@");
  if (at >= 0 && !/\s/.test(text.slice(at))) previous.setTextContent(text.slice(0, at));
}
