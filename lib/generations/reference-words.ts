import type { WordKey, Words } from "./plain-words";

/** A reference's kind and role in plain words (plain-words.ts explains the `words` translator). */
const KIND_KEYS: Record<string, WordKey> = {
  image: "kindImage",
  element: "kindElement",
  video: "kindVideo",
};

export function referenceKindLabel(kind: string, t: Words): string {
  const key = KIND_KEYS[kind];
  return key ? t(key) : kind;
}

const ROLE_KEYS: Record<string, WordKey> = {
  first_frame: "roleFirstFrame",
  end_frame: "roleEndFrame",
  // Contract §2.1: `feature` uses the video for style, camera or the next shot.
  feature: "roleFeature",
  base: "roleBase",
};

/** What a reference is used for, or null for a plain image or element reference. */
export function referenceRoleLabel(
  reference: { imageType: string | null; referType: string | null },
  t: Words,
): string | null {
  const role = reference.imageType ?? reference.referType;
  if (!role) return null;
  const key = ROLE_KEYS[role];
  return key ? t(key) : role.replace(/_/g, " ");
}
