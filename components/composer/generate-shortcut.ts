import type { KeyboardEvent } from "react";

/** Cmd/Ctrl+Enter from any field of the form generates (the prompt handles its own first). */
export function generateOnModEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== "Enter" || !(event.metaKey || event.ctrlKey) || event.defaultPrevented) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
