import "server-only";
import { getEnv } from "@/lib/env";
import type { HopPolicy } from "./safe-fetch-policy";

/**
 * Where finished videos may be downloaded from: the provider's own hosts (CometAPI and
 * Kling's CDNs), the API host configured, and RESULT_HOST_ALLOWLIST, all over https at
 * public addresses. The configured API origin itself (scheme, host and port of
 * COMETAPI_BASE_URL) is trusted as it is: a self-hosted relay on plain http, a private
 * network or loopback serves its results from there (so does the simulator in demo mode).
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
    trustedOrigins: [apiUrl.origin],
  };
}
