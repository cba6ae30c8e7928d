/** Keys that type text in a field are the field's: single-key shortcuts leave them alone. */
const NOT_TEXT = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "range",
  "color",
  "file",
]);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && !NOT_TEXT.has((target as HTMLInputElement).type);
}

/**
 * Whether a page-wide single-key shortcut may act on this keydown: not while typing, not
 * with a modifier (those are the browser's), not while a dialog is open (it owns the keys).
 */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTypingTarget(event.target)) return false;
  return document.querySelector("dialog[open]") === null;
}
