import "server-only";
import { getEnv } from "@/lib/env";
import { createCometClient } from "./client";
import type { CometClient } from "./types";

let cached: { key: string; client: CometClient } | undefined;

/**
 * The app's client, aimed at CometAPI or, in demo mode, at the built-in simulator. Rebuilt
 * when the configuration changes (tests reset the env between cases).
 */
export function getCometClient(): CometClient {
  const env = getEnv();
  const key = `${env.cometBaseUrl}\n${env.cometBearer}`;
  if (cached?.key !== key) {
    cached = {
      key,
      client: createCometClient({ baseUrl: env.cometBaseUrl, apiKey: env.cometBearer }),
    };
  }
  return cached.client;
}
