import type { Namespace } from "./messages";

/**
 * Which catalog namespaces each layer's client components read. A layer's IntlScope sends
 * these to the browser and replaces the scope above it, so each list includes its parent's.
 */

/** Every page: the "Language" select, dialogs' Cancel / Close, error boundaries. */
export const ROOT_NAMESPACES = ["language", "ui", "errorPage"] as const satisfies Namespace[];

/** Studio pages: plus what a generation card shows (status, progress, failures, settings). */
export const STUDIO_NAMESPACES = [
  ...ROOT_NAMESPACES,
  "status",
  "generation",
  "failure",
  "words",
  "duration",
  // The layout's toasts and tab badge speak on every studio page.
  "notifications",
] as const satisfies Namespace[];

/**
 * What a failed generation's stored errorMessage says (provider failures, download and link
 * refusals, the worker's notes), read on the pages that show it: the studio page's cards and
 * the detail page. Not the gallery's, whose cards show no failure details.
 */
const FAILURE_DETAIL_NAMESPACES = ["failureDetails"] as const satisfies Namespace[];

/**
 * The studio page: plus the composer's words, the messages of its rules (lib/composer), Takes,
 * and the price list's name beside the estimate (lib/generations/estimate-cost.ts).
 */
export const COMPOSER_NAMESPACES = [
  ...STUDIO_NAMESPACES,
  ...FAILURE_DETAIL_NAMESPACES,
  "composer",
  "composerRules",
  "takes",
  "pricing",
] as const satisfies Namespace[];

/** The detail page: plus its own words, the share dialog's, its batch and its collections. */
export const DETAIL_NAMESPACES = [
  ...STUDIO_NAMESPACES,
  ...FAILURE_DETAIL_NAMESPACES,
  "detail",
  "share",
  "compare",
  "collections",
] as const satisfies Namespace[];

/** The gallery: its client parts (grid, cards, selection, collections, compare). */
export const GALLERY_NAMESPACES = [
  ...STUDIO_NAMESPACES,
  "gallery",
  "compare",
  "collections",
] as const satisfies Namespace[];

/**
 * The element library and "Add element" dialog (on the composer's page): their words and
 * the rule messages made in lib/elements that the browser says itself.
 */
export const ELEMENTS_NAMESPACES = ["elements", "elementRules"] as const satisfies Namespace[];
