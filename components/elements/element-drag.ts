import type { ElementSummary } from "@/components/composer/prompt-editor/mention-option";

/**
 * Dragging a library element into the prompt: its own MIME type (apart from tray references
 * and files) carrying what the composer needs to add it as a reference.
 */
export const ELEMENT_DRAG_MIME = "application/x-omni-element";

export function setElementDragData(dataTransfer: DataTransfer, element: ElementSummary): void {
  const { elementId, name, thumbnailUrl, description } = element;
  dataTransfer.setData(
    ELEMENT_DRAG_MIME,
    JSON.stringify({ elementId, name, thumbnailUrl, description }),
  );
  dataTransfer.effectAllowed = "copy";
}

export function isElementDrag(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).includes(ELEMENT_DRAG_MIME);
}

export function getElementDragData(dataTransfer: DataTransfer | null): ElementSummary | null {
  const text = dataTransfer?.getData(ELEMENT_DRAG_MIME);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ElementSummary>;
    if (typeof value.elementId !== "string" || !/^\d{1,19}$/.test(value.elementId)) return null;
    if (typeof value.name !== "string") return null;
    return {
      elementId: value.elementId,
      name: value.name,
      thumbnailUrl: typeof value.thumbnailUrl === "string" ? value.thumbnailUrl : undefined,
      description: typeof value.description === "string" ? value.description : undefined,
    };
  } catch {
    return null;
  }
}
