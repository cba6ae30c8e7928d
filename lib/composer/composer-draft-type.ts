import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import type { ComposerSettings, StoryboardDraft } from "./build-submission";

/**
 * Everything the composer holds: what is saved in the browser, what "New video" puts
 * back with Undo, and what a remix loads from a generation's recipe (one type for all).
 */
export type ComposerDraft = {
  segments: PromptSegment[];
  references: Reference[];
  settings: ComposerSettings;
  sendUnused: boolean;
  /** Kling 3.0 Omni's storyboard, each shot its own chip document; drafts from before have none. */
  storyboard?: StoryboardDraft | null | undefined;
  /** How many takes Generate makes (1–4); drafts from before Takes have none (one). */
  takes?: number | undefined;
  /** The generation this one remixes, if any. */
  remixOf?: string | undefined;
};

/** A generation's recipe loaded into the composer: a draft that remembers its parent. */
export type RemixDraft = ComposerDraft & { remixOf: string };
