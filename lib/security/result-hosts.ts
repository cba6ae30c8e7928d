import "server-only";
import { getEnv } from "@/lib/env";
import type { HopPolicy } from "./safe-fetch-policy";

/**
 * Where finished videos may be downloaded from: the provider's own hosts (CometAPI and
 * Kling's CDNs), the API host configured, and RESULT_HOST_ALLOWLIST. In demo mode and tests
 * the simulator's loopback origin is allowed too, over plain http.
 */
export const PROVIDER_RESULT_HOSTS = [
  "cometapi.com",
  "*.cometapi.com",
  "*.klingai.com",
  "*.kling.ai",
  "*.kwai.net",
  "*.kuaishou.com",
] as const;

export function resultDownloadPolicy(): HopPolicy {
  const env = getEnv();
  const apiUrl = new URL(env.cometBaseUrl);
  return {
    allowHosts: [...PROVIDER_RESULT_HOSTS, apiUrl.hostname, ...env.security.resultHostAllowlist],
    allowLoopbackOrigins: [apiUrl.origin],
  };
}
