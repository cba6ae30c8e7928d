/**
 * Domain shapes of Kling's element API (contract §6). Element ids are 64-bit integers: they
 * travel as decimal strings here and as bare JSON integers on the wire, never as JS numbers.
 */

/** Kling's element tags, by the tag_id its API takes (o_102 is the contract's example). */
export const ELEMENT_TAGS = {
  character: "o_102",
  animal: "o_103",
  prop: "o_104",
  outfit: "o_105",
  scene: "o_106",
  effect: "o_107",
  other: "o_108",
} as const;
export type ElementTag = keyof typeof ELEMENT_TAGS;
export const ELEMENT_TAG_NAMES = Object.keys(ELEMENT_TAGS) as ElementTag[];

export function tagFromTagId(tagId: string | undefined): ElementTag | undefined {
  return ELEMENT_TAG_NAMES.find((name) => ELEMENT_TAGS[name] === tagId);
}

export type CreateElementInput = {
  name: string;
  description: string;
  tag: ElementTag;
  /** https link or bare base64 of the front view. */
  frontImage: string;
  /** 1–3 more views, links or bare base64. */
  otherImages: string[];
  callbackUrl?: string | undefined;
  /** Our task row id, unique per account, so a lost answer can be told apart. */
  externalTaskId: string;
};

export type ProviderElement = {
  elementId: string;
  name: string;
  description: string | undefined;
  tag: ElementTag | undefined;
  frontImageUrl: string | undefined;
};

export type ElementTaskStatus = "submitted" | "processing" | "succeed" | "failed";

export type ProviderElementTask = {
  taskId: string;
  status: ElementTaskStatus;
  /** The provider's reason on failure (task_status_msg). */
  statusMessage: string | undefined;
  /** Filled once the task succeeded. */
  element: ProviderElement | undefined;
};

export type ElementPage = {
  elements: ProviderElement[];
  pageNum: number;
  /** True when a full page came back, so the next page may hold more. */
  mayHaveMore: boolean;
};

export interface ElementClient {
  /** Sent once, never retried: a lost answer may hide an element being made. */
  createElement(input: CreateElementInput): Promise<ProviderElementTask>;
  getElementTask(taskId: string): Promise<ProviderElementTask>;
  /** The account's own elements, one page (pageNum from 1). */
  listElements(pageNum: number, pageSize?: number): Promise<ElementPage>;
  /** Kling's preset elements, one page (pageNum from 1). */
  listPresetElements(pageNum: number, pageSize?: number): Promise<ElementPage>;
  deleteElement(elementId: string): Promise<void>;
}
