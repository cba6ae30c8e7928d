import "server-only";
import { getEnv } from "@/lib/env";
import type { CometClientOptions } from "./client";

/**
 * A getter for one client aimed at CometAPI or, in demo mode, at the built-in simulator,
 * built from the env's base URL and key and rebuilt when either changes (tests reset the
 * env between cases).
 */
export function clientForEnv<T>(create: (options: CometClientOptions) => T): () => T {
  let cached: { key: string; client: T } | undefined;
  return () => {
    const env = getEnv();
    const key = `${env.cometBaseUrl}\n${env.cometBearer}`;
    if (cached?.key !== key) {
      cached = { key, client: create({ baseUrl: env.cometBaseUrl, apiKey: env.cometBearer }) };
    }
    return cached.client;
  };
}
