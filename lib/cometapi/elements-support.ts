import { getProviderErrorDetail } from "./errors";

/**
 * True when an element call failed because the provider has no element routes at all: a
 * 404 or 405 without a Kling service code (an unknown route, not an unknown task), or an
 * HTML page instead of JSON. Kling's own refusals (codes 1xxx) are real answers, not this.
 */
export function isElementsUnsupportedError(error: unknown): boolean {
  const detail = getProviderErrorDetail(error);
  if (!detail?.operation.startsWith("element_")) return false;
  const klingCode = typeof detail.providerCode === "number" ? detail.providerCode : undefined;
  if ((detail.httpStatus === 404 || detail.httpStatus === 405) && klingCode === undefined) {
    return true;
  }
  return detail.reason === "bad_response" && /^\s*</.test(detail.body ?? "");
}
