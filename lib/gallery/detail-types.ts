import type { GenerationView, ReferenceChipView } from "@/lib/generations/generation-view";

/** A reference as the detail and share pages show it: a chip, maybe with a thumbnail. */
export type ReferenceView = ReferenceChipView & {
  id: string;
  /** What the person's file was called, for an image or a video. */
  fileName: string | null;
  imageType: string | null;
  referType: string | null;
};

/** One shot of a custom storyboard, as sent: its prompt (with tokens) and seconds. */
export type ShotView = { index: number; prompt: string; duration: string };

export type LineageItem = {
  id: string;
  kind: string | null;
  prompt: string;
  status: string;
  posterUrl: string | null;
  /** Its prompt's chips: references by the names the person saw. */
  references: ReferenceChipView[];
};

export type GenerationDetailData = {
  generation: GenerationView;
  references: ReferenceView[];
  shots: ShotView[];
  parent: LineageItem | null;
  children: LineageItem[];
};
