import "server-only";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_PRICE_INFO, type PriceInfo } from "@/lib/generations/estimate-cost";
import { priceTableSchema } from "@/lib/generations/price-table-schema";

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
  /** Simulator: how long a result URL stays valid before it answers 410. */
  SIMULATOR_URL_TTL_SECONDS: z.coerce.number().positive().default(600),
  /** Simulator: where its tasks and rendered videos are kept (default data/simulator). */
  SIMULATOR_DATA_DIR: optionalText,
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
});

export type DatabaseConfig =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgres"; url: string };

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
  studioPassword: string | undefined;
  port: number;
  simulator: {
    speed: number;
    urlTtlSeconds: number;
    controlEnabled: boolean;
    key: string;
    dataDir: string;
  };
  worker: {
    enabled: boolean;
    minPollMs: number;
    taskTimeoutMs: number;
    maxInFlight: number;
    maxProviderRequests: number;
    leaseMs: number;
  };
  nodeEnv: "development" | "production" | "test";
  /** The per-second price table the cost estimate uses, and whether it is the default. */
  pricing: PriceInfo;
  security: {
    resultHostAllowlist: string[];
    dailyBudgetUsd: number | undefined;
    generatePerMinute: number;
    uploadsPerMinute: number;
  };
};

/** The key the built-in simulator accepts; it is not a secret, it only exercises the Bearer check. */
export const SIMULATOR_KEY = "sk-omni-studio-simulator";

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
  return {
    cometApiKey: raw.COMETAPI_KEY,
    demoMode,
    cometBaseUrl: trimSlash(
      raw.COMETAPI_BASE_URL ??
        (demoMode ? `http://127.0.0.1:${raw.PORT}/api/simulator` : "https://api.cometapi.com"),
    ),
    cometBearer: raw.COMETAPI_KEY ?? SIMULATOR_KEY,
    database: parseDatabaseUrl(raw.DATABASE_URL, dataDir),
    mediaDir: absolutePath(raw.MEDIA_DIR ?? path.join(dataDir, "media")),
    dataDir,
    publicBaseUrl: raw.PUBLIC_BASE_URL ? trimSlash(raw.PUBLIC_BASE_URL) : undefined,
    studioPassword: raw.STUDIO_PASSWORD,
    port: raw.PORT,
    simulator: {
      speed: raw.SIMULATOR_SPEED,
      urlTtlSeconds: raw.SIMULATOR_URL_TTL_SECONDS,
      controlEnabled: raw.SIMULATOR_CONTROL === "1",
      key: SIMULATOR_KEY,
      dataDir: absolutePath(raw.SIMULATOR_DATA_DIR ?? path.join(dataDir, "simulator")),
    },
    worker: {
      enabled: raw.WORKER_ENABLED === "1",
      minPollMs: raw.WORKER_MIN_POLL_MS,
      taskTimeoutMs: raw.WORKER_TASK_TIMEOUT_MS,
      maxInFlight: raw.WORKER_MAX_IN_FLIGHT,
      maxProviderRequests: raw.WORKER_MAX_PROVIDER_REQUESTS,
      leaseMs: raw.WORKER_LEASE_MS,
    },
    nodeEnv: raw.NODE_ENV,
    pricing: parsePriceTable(raw.PRICE_TABLE_JSON),
    security: {
      resultHostAllowlist: (raw.RESULT_HOST_ALLOWLIST ?? "")
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ""),
      dailyBudgetUsd: raw.DAILY_BUDGET_USD === "" ? undefined : raw.DAILY_BUDGET_USD,
      generatePerMinute: raw.GENERATE_RATE_PER_MINUTE,
      uploadsPerMinute: raw.UPLOAD_RATE_PER_MINUTE,
    },
  };
}

/**
 * Prisma's SQLite form is `file:<path>`, relative paths being relative to the working
 * directory here (Prisma 7 with driver adapters has no schema-relative rule to honour).
 */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) {
    const filePath = path.join(dataDir, "omni-studio.db");
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgres", url };
  }
  if (url.startsWith("file:")) {
    const filePath = absolutePath(url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error(
    `DATABASE_URL must be "file:<path>" (SQLite) or "postgres://…" (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

/** Relative to the working directory. The ignore comment stops Turbopack from tracing the project for it. */
function absolutePath(value: string): string {
  return path.isAbsolute(value)
    ? path.normalize(value)
    : path.join(/*turbopackIgnore: true*/ process.cwd(), value);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** PRICE_TABLE_JSON must be the whole table; a half-written one fails startup rather than guessing. */
function parsePriceTable(json: string | undefined): PriceInfo {
  if (json === undefined) return DEFAULT_PRICE_INFO;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error("PRICE_TABLE_JSON is not valid JSON");
  }
  const parsed = priceTableSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      'PRICE_TABLE_JSON must look like {"std":{"withoutVideo":0.084,"withVideo":0.126},"pro":{"withoutVideo":0.112,"withVideo":0.168}}',
    );
  }
  return { table: parsed.data, source: "configured" };
}
