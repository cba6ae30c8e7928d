import type { CometClientOptions } from "./client";
import { DEFAULT_RETRY, type RetryOptions } from "./retry";
import type { TransportConfig } from "./transport";

const DEFAULT_TIMEOUT_MS = 30_000;

/** What the video and the element client both send with: one base URL, key, retries and headers. */
export type ProviderConnection = {
  /** Without a trailing slash, so paths append as they are. */
  baseUrl: string;
  retry: RetryOptions;
  /** Redacted from every log line and error body. */
  secrets: readonly string[];
  transport: TransportConfig;
  headers(json: boolean): Record<string, string>;
};

export function providerConnection(options: CometClientOptions): ProviderConnection {
  const secrets = [options.apiKey];
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    secrets,
    transport: {
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      secrets,
    },
    headers: (json) => ({
      Authorization: `Bearer ${options.apiKey}`,
      Accept: "application/json",
      ...(json ? { "Content-Type": "application/json" } : {}),
    }),
  };
}
