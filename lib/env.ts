import "server-only";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import type { PriceInfo } from "@/lib/kling-contract/prices";
import {
  absolutePath,
  type DatabaseConfig,
  parseDatabaseUrl,
  parsePriceTable,
  trimSlash,
} from "./env-values";

/**
 * The only module that reads process.env. Everything is optional: with nothing set the
 * studio runs in demo mode (SQLite under data/, media under data/, the built-in simulator).
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  COMETAPI_KEY: optionalText,
  COMETAPI_BASE_URL: optionalText.pipe(z.url().optional()),
  DATABASE_URL: optionalText,
  MEDIA_DIR: optionalText,
  PUBLIC_BASE_URL: optionalText.pipe(z.url().optional()),
  STUDIO_PASSWORD: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Simulator: multiplies its fake latency (0.1 = ten times faster); tests shrink it. */
  SIMULATOR_SPEED: z.coerce.number().positive().default(1),
  /** Simulator: how long a result URL stays valid before it answers 404. */
  SIMULATOR_URL_TTL_SECONDS: z.coerce.number().positive().default(600),
  /** Simulator: where its tasks and rendered videos are kept (default data/simulator). */
  SIMULATOR_DATA_DIR: optionalText,
  /** Simulator: the Bearer key it takes (standalone, or set on purpose); else random per process. */
  SIMULATOR_KEY: optionalText,
  /** Simulator: allows scripting faults through POST /__sim/faults (tests only). */
  SIMULATOR_CONTROL: z.enum(["0", "1"]).default("0"),
  /** Sync worker: set to 0 in processes that must not follow tasks (one-off scripts). */
  WORKER_ENABLED: z.enum(["0", "1"]).default("1"),
  /** Sync worker: the shortest wait between two checks of one task. */
  WORKER_MIN_POLL_MS: z.coerce.number().int().positive().default(5000),
  /** Sync worker: a task not finished this long after submission is marked failed. */
  WORKER_TASK_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** Queue: at most this many generations with the provider at once; the rest wait queued. */
  WORKER_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(5),
  /** Sync worker: at most this many provider requests at once from this process. */
  WORKER_MAX_PROVIDER_REQUESTS: z.coerce.number().int().positive().default(4),
  /** Sync worker: how long a claimed row stays a worker's without a heartbeat. */
  WORKER_LEASE_MS: z.coerce.number().int().positive().default(30_000),
  /** Sync worker: log each result's stage times (callback, claimed, …, stored), to find waits. */
  WORKER_STAGE_LOG: z.enum(["0", "1"]).default("0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Hosts result videos may be downloaded from, besides the provider's own (comma-separated). */
  RESULT_HOST_ALLOWLIST: optionalText,
  /** Refuse Generate once today's estimated spend reaches this many USD (unset: no budget). */
  DAILY_BUDGET_USD: z.union([z.literal(""), z.coerce.number().positive()]).optional(),
  /** Generate requests allowed per session per minute. */
  GENERATE_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Uploads allowed per session per minute. */
  UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Cost estimate: USD per output second by mode, with and without a video (JSON); default Kling list prices. */
  PRICE_TABLE_JSON: optionalText,
  /** ffmpeg and ffprobe to use (default: the system's on PATH, else the bundled npm build). */
  FFMPEG_PATH: optionalText,
  FFPROBE_PATH: optionalText,
  /** Largest history archive POST /api/import takes, and the most it may unpack to (bytes). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
  /** Host names the studio answers to besides PUBLIC_BASE_URL's and loopback (comma-separated). */
  ALLOWED_HOSTS: optionalText,
  /** Reverse proxies in front of the studio that append to X-Forwarded-For (0: none, trust no header). */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /** Set by scripts/serve.mjs, never by hand: it wrote the peer address header of every request. */
  OMNI_PEER_ADDRESS_STAMPED: z.enum(["0", "1"]).default("0"),
});

export type { DatabaseConfig };

export type Env = {
  cometApiKey: string | undefined;
  /** True when no key is configured: the built-in simulator serves the provider API. */
  demoMode: boolean;
  /** Where the CometAPI client sends requests (the simulator's in demo mode). */
  cometBaseUrl: string;
  /** The bearer token the client sends; the simulator's own key in demo mode. */
  cometBearer: string;
  database: DatabaseConfig;
  mediaDir: string;
  dataDir: string;
  publicBaseUrl: string | undefined;
  /**
   * Where the provider posts status changes (`/api/callbacks/kling/<token>` beneath it), or
   * undefined for polling only. PUBLIC_BASE_URL with a real provider; with the built-in
   * simulator always this machine over loopback, since the simulator runs in this process
   * and may call nothing else (issue 10), so the demo never waits for a poll.
   */
  callbackBaseUrl: string | undefined;
  studioPassword: string | undefined;
  port: number;
  simulator: {
    speed: number;
    urlTtlSeconds: number;
    controlEnabled: boolean;
    key: string;
    /** True when SIMULATOR_KEY chose the key (not made up by this process). */
    keyGiven: boolean;
    /** True when the studio's provider is this process's own simulator (demo, no base URL). */
    builtIn: boolean;
    dataDir: string;
  };
  worker: {
    enabled: boolean;
    minPollMs: number;
    taskTimeoutMs: number;
    maxInFlight: number;
    maxProviderRequests: number;
    leaseMs: number;
    stageLog: boolean;
  };
  nodeEnv: "development" | "production" | "test";
  /** Explicit media tools; undefined means "find them" (lib/media/ffmpeg-paths.ts). */
  media: {
    ffmpegPath: string | undefined;
    ffprobePath: string | undefined;
    /** The process's PATH, where a system ffmpeg is looked for. */
    searchPath: string;
  };
  /** The per-second price table the cost estimate uses, and whether it is the default. */
  pricing: PriceInfo;
  security: {
    resultHostAllowlist: string[];
    dailyBudgetUsd: number | undefined;
    generatePerMinute: number;
    uploadsPerMinute: number;
    trustedProxyCount: number;
    /** True when scripts/serve.mjs serves the app, so the peer address header is its own. */
    peerAddressStamped: boolean;
    /** Lower-case host names from ALLOWED_HOSTS (loopback and PUBLIC_BASE_URL's are implied). */
    allowedHosts: string[];
    /** The cap on an import's body and on everything it unpacks to. */
    importMaxBytes: number;
  };
};

/**
 * The built-in simulator's key when SIMULATOR_KEY is unset: random per process, so only
 * this process's own client (which reads it here) can use the simulator. Kept on
 * globalThis because Next evaluates this module once per bundle (routes, instrumentation).
 */
const keyHolder = globalThis as typeof globalThis & { __omniSimulatorKey?: string };

export function processSimulatorKey(): string {
  keyHolder.__omniSimulatorKey ??= `sk-sim-${randomBytes(24).toString("base64url")}`;
  return keyHolder.__omniSimulatorKey;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function readEnv(source: Record<string, string | undefined>): Env {
  const raw = envSchema.parse(source);
  const dataDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "data");
  const demoMode = raw.COMETAPI_KEY === undefined;
  const simulatorKey = raw.SIMULATOR_KEY ?? processSimulatorKey();
  const builtInSimulator = demoMode && raw.COMETAPI_BASE_URL === undefined;
  const publicBaseUrl = raw.PUBLIC_BASE_URL ? trimSlash(raw.PUBLIC_BASE_URL) : undefined;
  return {
    cometApiKey: raw.COMETAPI_KEY,
    demoMode,
    cometBaseUrl: trimSlash(
      raw.COMETAPI_BASE_URL ??
        (demoMode ? `http://127.0.0.1:${raw.PORT}/api/simulator` : "https://api.cometapi.com"),
    ),
    cometBearer: raw.COMETAPI_KEY ?? simulatorKey,
    database: parseDatabaseUrl(raw.DATABASE_URL, dataDir),
    mediaDir: absolutePath(raw.MEDIA_DIR ?? path.join(dataDir, "media")),
    dataDir,
    publicBaseUrl,
    callbackBaseUrl: builtInSimulator ? `http://127.0.0.1:${raw.PORT}` : publicBaseUrl,
    studioPassword: raw.STUDIO_PASSWORD,
    port: raw.PORT,
    simulator: {
      speed: raw.SIMULATOR_SPEED,
      urlTtlSeconds: raw.SIMULATOR_URL_TTL_SECONDS,
      controlEnabled: raw.SIMULATOR_CONTROL === "1",
      key: simulatorKey,
      keyGiven: raw.SIMULATOR_KEY !== undefined,
      builtIn: builtInSimulator,
      dataDir: absolutePath(raw.SIMULATOR_DATA_DIR ?? path.join(dataDir, "simulator")),
    },
    worker: {
      enabled: raw.WORKER_ENABLED === "1",
      minPollMs: raw.WORKER_MIN_POLL_MS,
      taskTimeoutMs: raw.WORKER_TASK_TIMEOUT_MS,
      maxInFlight: raw.WORKER_MAX_IN_FLIGHT,
      maxProviderRequests: raw.WORKER_MAX_PROVIDER_REQUESTS,
      leaseMs: raw.WORKER_LEASE_MS,
      stageLog: raw.WORKER_STAGE_LOG === "1",
    },
    nodeEnv: raw.NODE_ENV,
    media: {
      ffmpegPath: raw.FFMPEG_PATH && absolutePath(raw.FFMPEG_PATH),
      ffprobePath: raw.FFPROBE_PATH && absolutePath(raw.FFPROBE_PATH),
      searchPath: source.PATH ?? "",
    },
    pricing: parsePriceTable(raw.PRICE_TABLE_JSON),
    security: {
      resultHostAllowlist: (raw.RESULT_HOST_ALLOWLIST ?? "")
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ""),
      dailyBudgetUsd: raw.DAILY_BUDGET_USD === "" ? undefined : raw.DAILY_BUDGET_USD,
      generatePerMinute: raw.GENERATE_RATE_PER_MINUTE,
      uploadsPerMinute: raw.UPLOAD_RATE_PER_MINUTE,
      trustedProxyCount: raw.TRUSTED_PROXY_COUNT,
      peerAddressStamped: raw.OMNI_PEER_ADDRESS_STAMPED === "1",
      allowedHosts: (raw.ALLOWED_HOSTS ?? "")
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ""),
      importMaxBytes: raw.IMPORT_MAX_BYTES,
    },
  };
}
