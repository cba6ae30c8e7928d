export type ShareView = {
  id: string;
  createdAt: string;
  showRecipe: boolean;
  allowIndexing: boolean;
  /** Path only; the dialog makes it absolute with the page's own origin. */
  path: string;
};

export function sharePath(shareId: string): string {
  return `/s/${shareId}`;
}

export function shareMediaPath(shareId: string, kind: "video" | "poster" | string): string {
  return `/api/share-media/${shareId}/${kind}`;
}
