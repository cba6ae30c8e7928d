import type { GenerationView } from "@/lib/generations/generation-view";

/** A reference as the detail and share pages show it: a chip, maybe with a thumbnail. */
export type ReferenceView = {
  id: string;
  kind: "image" | "element" | "video" | string;
  /** Position inside its own list; `<<<image_1>>>` is the image at position 0. */
  position: number;
  label: string;
  imageType: string | null;
  referType: string | null;
  thumbnailUrl: string | null;
};

export type LineageItem = {
  id: string;
  kind: string | null;
  prompt: string;
  status: string;
  posterUrl: string | null;
};

export type GenerationDetailData = {
  generation: GenerationView;
  references: ReferenceView[];
  parent: LineageItem | null;
  children: LineageItem[];
};
