import "server-only";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";

/**
 * The one place errors are logged. Secrets are cut out here, so a provider body or a
 * stack that happens to echo the key never reaches the log.
 */
export function logError(context: string, error: unknown): void {
  const line = isAppError(error)
    ? `${error.code}: ${error.message} ${safeJson(error.detail)}`
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error);
  console.error(`[omni-studio] ${context}: ${redact(line)}`);
}

export function logInfo(context: string, message: string): void {
  console.info(`[omni-studio] ${context}: ${redact(message)}`);
}

export function logWarning(context: string, message: string): void {
  console.warn(`[omni-studio] ${context}: ${redact(message)}`);
}

function redact(text: string): string {
  const key = getEnv().cometApiKey;
  const withoutKey = key ? text.split(key).join("[redacted]") : text;
  return withoutKey.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, "Bearer [redacted]");
}

function safeJson(value: unknown): string {
  if (value === undefined) return "";
  try {
    return JSON.stringify(value).slice(0, 2000);
  } catch {
    return "";
  }
}
