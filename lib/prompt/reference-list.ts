import { localMessage } from "@/i18n/local-message";
import { referenceName } from "./reference-names";
import type { FrameRole, Reference, ReferenceKind } from "./reference-types";

/**
 * The composer keeps one ordered array of references. Images and videos carry a stable
 * name ("Image 2") from when they were added; the number sent in the prompt is their
 * position among the references of the same kind, so reordering only ever happens within
 * a kind and only changes what is sent.
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

/**
 * Short label shown on chips and in the tray: "Image 2", the element's name, "Video". Like
 * every name below it is a localMessage, said in the reader's language where shown ("이미지
 * 2"); the stable label itself ("Image 2") is stored data and only lends its number.
 */
export function referenceLabel(references: readonly Reference[], refId: string): string {
  return sayReference(references, refId, "composerRules.label");
}

/** A reference in one of the catalogs' two name forms (label or title), or "missing". */
function sayReference(
  references: readonly Reference[],
  refId: string,
  form: "composerRules.label" | "composerRules.title",
): string {
  const ref = references.find((r) => r.id === refId);
  if (!ref) return localMessage("composerRules.missingReference");
  return localMessage(form, {
    kind: ref.kind,
    n: stableNumber(references, ref),
    name: ref.kind === "element" ? ref.name : "",
  });
}

/** The number a reference goes by: its stable label's, else its place among its kind. */
function stableNumber(references: readonly Reference[], ref: Reference): number {
  const fromLabel = ref.kind === "element" ? 0 : labelNumber(ref.label);
  return fromLabel || referenceOrdinal(references, ref.id);
}

/** The number in a stable label: "Image 3" → 3, "Video" → 1 (0 without a label). */
export function labelNumber(label: string | undefined): number {
  if (!label) return 0;
  const match = /(\d+)$/.exec(label);
  return match ? Number(match[1]) : 1;
}

/**
 * The stable name for the next image or video added: one past the highest in use, so a
 * name once shown never comes back for something else while the composer holds it.
 */
export function nextReferenceLabel(references: readonly Reference[], kind: "image" | "video") {
  let highest = 0;
  for (const ref of references) {
    if (ref.kind === kind) highest = Math.max(highest, labelNumber(ref.label));
  }
  return referenceName(kind, highest + 1);
}

/** Gives references saved before names were stable the names their position gave them. */
export function withStableLabels(references: readonly Reference[]): Reference[] {
  const counts = { image: 0, video: 0 };
  return references.map((ref) => {
    if (ref.kind === "element") return ref;
    counts[ref.kind] += 1;
    return ref.label ? ref : { ...ref, label: referenceName(ref.kind, counts[ref.kind]) };
  });
}

/**
 * The name used in messages and accessible names, unique within the composer:
 * "Image 2", "Element 1 (Cat)", "Video".
 */
export function referenceTitle(references: readonly Reference[], refId: string): string {
  return sayReference(references, refId, "composerRules.title");
}

/** What a screen reader hears for a chip, e.g. "Image 2 reference: cat.png, start frame". */
export function referenceDescription(references: readonly Reference[], refId: string): string {
  const ref = references.find((r) => r.id === refId);
  if (!ref) return localMessage("composerRules.missingReference");
  if (ref.kind === "element") return localMessage("composerRules.chipElement", { name: ref.name });
  const title = referenceTitle(references, refId);
  if (ref.kind === "video")
    return localMessage("composerRules.chipVideo", { title, name: ref.name, use: ref.referType });
  return localMessage("composerRules.chipImage", {
    title,
    name: ref.name,
    frame: ref.frame ?? "none",
  });
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

/** Makes one image the start (or end) frame; whichever image held that role lets it go. */
export function setFrameImage(
  references: readonly Reference[],
  frame: FrameRole,
  refId: string | null,
): Reference[] {
  return references.map((ref) => {
    if (ref.kind !== "image") return ref;
    if (ref.id === refId) return { ...ref, frame };
    return ref.frame === frame ? { ...ref, frame: null } : ref;
  });
}
