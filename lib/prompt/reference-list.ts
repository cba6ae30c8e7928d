import type { Reference, ReferenceKind } from "./reference-types";

/**
 * The composer keeps one ordered array of references. Each kind's number (Image 2,
 * element 1) is its position among the references of the same kind, so reordering
 * only ever happens within a kind.
 */
export function referencesOfKind<K extends ReferenceKind>(
  references: readonly Reference[],
  kind: K,
): Extract<Reference, { kind: K }>[] {
  return references.filter((ref): ref is Extract<Reference, { kind: K }> => ref.kind === kind);
}

/** 1-based number of the reference within its kind, or 0 when it is not in the list. */
export function referenceOrdinal(references: readonly Reference[], refId: string): number {
  const ref = references.find((r) => r.id === refId);
  if (!ref) return 0;
  return referencesOfKind(references, ref.kind).findIndex((r) => r.id === refId) + 1;
}

/** Short label shown on chips and in the tray: "Image 2", the element's name, "Video". */
export function referenceLabel(references: readonly Reference[], refId: string): string {
  const ref = references.find((r) => r.id === refId);
  if (!ref) return "Missing reference";
  if (ref.kind === "element") return ref.name;
  if (ref.kind === "video") return "Video";
  return `Image ${referenceOrdinal(references, refId)}`;
}

/**
 * The name used in messages and accessible names, unique within the composer:
 * "Image 2", "Element 1 (Cat)", "Video".
 */
export function referenceTitle(references: readonly Reference[], refId: string): string {
  const ref = references.find((r) => r.id === refId);
  if (!ref) return "Missing reference";
  const n = referenceOrdinal(references, refId);
  if (ref.kind === "element") return `Element ${n} (${ref.name})`;
  if (ref.kind === "video") return n > 1 ? `Video ${n}` : "Video";
  return `Image ${n}`;
}

/** What a screen reader hears for a chip, e.g. "Image 2 reference: cat.png, first frame". */
export function referenceDescription(references: readonly Reference[], refId: string): string {
  const ref = references.find((r) => r.id === refId);
  if (!ref) return "Missing reference";
  const title = ref.kind === "element" ? `Element ${ref.name}` : referenceTitle(references, refId);
  const details: string[] = [];
  if (ref.kind !== "element") details.push(ref.name);
  if (ref.kind === "image" && ref.frame === "first_frame") details.push("first frame");
  if (ref.kind === "image" && ref.frame === "end_frame") details.push("end frame");
  if (ref.kind === "video")
    details.push(ref.referType === "base" ? "video to edit" : "style reference");
  return details.length ? `${title} reference: ${details.join(", ")}` : `${title} reference`;
}

/** Swaps a reference with its neighbour of the same kind; unchanged at either end. */
export function moveReference(
  references: readonly Reference[],
  refId: string,
  direction: -1 | 1,
): Reference[] {
  const index = references.findIndex((r) => r.id === refId);
  const ref = references[index];
  if (!ref) return [...references];
  let other = index + direction;
  while (other >= 0 && other < references.length && references[other]?.kind !== ref.kind) {
    other += direction;
  }
  const target = references[other];
  if (!target) return [...references];
  const next = [...references];
  next[index] = target;
  next[other] = ref;
  return next;
}

/**
 * Moves a reference to where another of the same kind stands (drag and drop in the tray):
 * dropping on a later item puts it after that item, on an earlier one before it.
 */
export function moveReferenceTo(
  references: readonly Reference[],
  refId: string,
  targetId: string,
): Reference[] {
  const from = references.findIndex((r) => r.id === refId);
  const to = references.findIndex((r) => r.id === targetId);
  const ref = references[from];
  if (!ref || to < 0 || from === to || references[to]?.kind !== ref.kind) return [...references];
  const next = references.filter((r) => r.id !== refId);
  const targetIndex = next.findIndex((r) => r.id === targetId);
  next.splice(from < to ? targetIndex + 1 : targetIndex, 0, ref);
  return next;
}

export function removeReference(references: readonly Reference[], refId: string): Reference[] {
  return references.filter((r) => r.id !== refId);
}
