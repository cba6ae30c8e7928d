/**
 * Native drag and drop between the reference tray and the prompt text. A custom MIME type
 * keeps our drags apart from text and files dragged in from elsewhere. No Lexical here, so
 * the tray can import it without loading the editor.
 */
export const REFERENCE_DRAG_MIME = "application/x-omni-reference";

export function setReferenceDragData(dataTransfer: DataTransfer, refId: string): void {
  dataTransfer.setData(REFERENCE_DRAG_MIME, refId);
  dataTransfer.effectAllowed = "copyMove";
}

export function isReferenceDrag(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).includes(REFERENCE_DRAG_MIME);
}

export function getReferenceDragData(dataTransfer: DataTransfer | null): string | null {
  const refId = dataTransfer?.getData(REFERENCE_DRAG_MIME);
  return refId ? refId : null;
}

export function hasDraggedFiles(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).some((type) => type === "Files");
}
