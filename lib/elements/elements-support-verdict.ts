import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

/**
 * What this process learned about the provider's element routes. A provider that answered
 * 404, 405 or HTML is taken at its word for a while (no failing call per attempt), then
 * asked again: a relay may add the routes later.
 */
export const ELEMENTS_VERDICT_TTL_MS = 15 * 60_000;

export const ELEMENTS_UNSUPPORTED_MESSAGE = localMessage("elementRules.providerHasNoElements");

const holder = globalThis as unknown as { omniElementsUnsupportedUntil?: number };

export function rememberElementsUnsupported(now = Date.now()): void {
  holder.omniElementsUnsupportedUntil = now + ELEMENTS_VERDICT_TTL_MS;
}

export function forgetElementsVerdict(): void {
  holder.omniElementsUnsupportedUntil = undefined;
}

/** True while a recent answer said the provider has no element routes. */
export function elementsKnownUnsupported(now = Date.now()): boolean {
  const until = holder.omniElementsUnsupportedUntil;
  return until !== undefined && now < until;
}

export function assertElementCreationOffered(now = Date.now()): void {
  if (elementsKnownUnsupported(now)) {
    throw new AppError("provider_rejected", ELEMENTS_UNSUPPORTED_MESSAGE);
  }
}
