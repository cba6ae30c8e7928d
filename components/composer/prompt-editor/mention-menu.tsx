"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { createPortal } from "react-dom";
import { MediaThumb } from "@/components/ui/media-thumb";
import type { MentionOption } from "./mention-option";
import { ReferenceKindIcon } from "./reference-kind-icon";

type MentionMenuProps = {
  anchor: HTMLElement;
  options: MentionOption[];
  selectedIndex: number | null;
  selectOptionAndCleanUp: (option: MentionOption) => void;
  setHighlightedIndex: (index: number) => void;
};

/**
 * The `@` listbox. Lexical makes the anchor a role=listbox and points the textbox's
 * aria-controls / aria-activedescendant at it and at `typeahead-item-N`; we only name it
 * and render the options with those ids.
 */
export function MentionMenu({
  anchor,
  options,
  selectedIndex,
  selectOptionAndCleanUp,
  setHighlightedIndex,
}: MentionMenuProps) {
  const menuName = useTranslations("composer")("mentionMenu");
  useEffect(() => {
    // Lexical (re)labels its anchor after our effects run when the menu reopens; name it
    // after that too.
    const name = () => anchor.setAttribute("aria-label", menuName);
    name();
    const frame = requestAnimationFrame(name);
    anchor.style.zIndex = "50";
    return () => cancelAnimationFrame(frame);
  });

  return createPortal(
    <div
      role="presentation"
      className="mt-1 max-h-72 w-72 overflow-y-auto rounded-lg border border-line bg-panel-2 p-1 shadow-xl"
    >
      {options.map((option, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the textbox (aria-activedescendant)
        <div
          key={option.key}
          id={`typeahead-item-${index}`}
          ref={option.setRefElement}
          role="option"
          tabIndex={-1}
          aria-selected={selectedIndex === index}
          aria-label={option.detail}
          onMouseEnter={() => setHighlightedIndex(index)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            setHighlightedIndex(index);
            selectOptionAndCleanUp(option);
          }}
          className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ${
            selectedIndex === index ? "bg-accent/30 text-white" : "text-muted"
          }`}
        >
          <MediaThumb
            src={option.thumbnailUrl}
            className="size-6 rounded object-cover"
            fallback={<ReferenceKindIcon kind={option.kind} className="size-5" />}
          />
          <span className="flex min-w-0 flex-col">
            <span className="truncate text-white">{option.label}</span>
            <span className="truncate text-xs text-muted">{option.detail}</span>
          </span>
        </div>
      ))}
    </div>,
    anchor,
  );
}
