import "server-only";
import { handleControl } from "./control-routes";
import { routeElementRequest } from "./element-router";
import { createElementStore } from "./element-store";
import { createFaultState } from "./fault-queue";
import { handleCreate, handleDownload, handleQuery, resultUrlOf } from "./provider-routes";
import { cometError } from "./responses";
import { DEFAULT_RETENTION_MS, sweepExpired } from "./retention";
import { loadUrlSecret } from "./signed-url";
import { emptyRequestLog, type SimContext } from "./sim-context";
import { createTaskEngine } from "./task-engine";
import { createTaskStore } from "./task-store";
import type { SimulatorOptions } from "./types";

export type Simulator = {
  /** Answers one request; its path is taken relative to `publicBaseUrl`'s path. */
  handle(request: Request): Promise<Response>;
  /** Deletes tasks older than `retentionMs` (as of `now`) with their files; runs hourly on its own. */
  sweep(now?: number): Promise<number>;
  /** Stops timers and waits for renders in flight (tests call it before deleting dataDir). */
  close(): Promise<void>;
};

const SWEEP_EVERY_MS = 60 * 60 * 1000;

const CREATE_PATH = "/kling/v1/videos/omni-video";

/**
 * A stand-in for CometAPI's Kling Omni routes (shared/cometapi-kling-omni.md), built on
 * Fetch API types so a Next route and a node:http server can both host it.
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const store = createTaskStore(options.dataDir);
  let secret: Promise<string> | undefined;
  const ctx: SimContext = {
    settings: {
      ...options,
      publicBaseUrl: options.publicBaseUrl.replace(/\/+$/, ""),
      queryShape: options.queryShape ?? "kling",
      renderScale: options.renderScale ?? 1,
    },
    store,
    elements: createElementStore(options.dataDir),
    engine: createTaskEngine({
      store,
      settings: () => ctx.settings,
      resultUrl: (task) => resultUrlOf(ctx, task),
    }),
    faults: createFaultState(),
    log: emptyRequestLog(),
    urlSecret: () => {
      secret ??= loadUrlSecret(options.dataDir);
      return secret;
    },
  };
  const basePath = new URL(ctx.settings.publicBaseUrl).pathname.replace(/\/+$/, "");
  let resumed = false;
  let sweeper: NodeJS.Timeout | undefined;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const sweep = (now?: number) => sweepExpired(store, options.dataDir, retentionMs, now);

  async function route(request: Request): Promise<Response> {
    const pathname = new URL(request.url).pathname;
    const path =
      basePath && pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
    const method = request.method;
    if (path.startsWith("/__sim/")) {
      if (!ctx.settings.controlEnabled) return cometError(404, "not found");
      return handleControl(ctx, request, path.slice("/__sim/".length));
    }
    if (path === CREATE_PATH) {
      return method === "POST" ? handleCreate(ctx, request) : methodNotAllowed(method, path);
    }
    if (path.startsWith(`${CREATE_PATH}/`)) {
      const taskId = decodeURIComponent(path.slice(CREATE_PATH.length + 1));
      return method === "GET" ? handleQuery(ctx, request, taskId) : methodNotAllowed(method, path);
    }
    const elementAnswer = routeElementRequest(ctx, request, path);
    if (elementAnswer) return elementAnswer;
    if (path.startsWith("/files/")) {
      const fileName = decodeURIComponent(path.slice("/files/".length));
      return method === "GET" || method === "HEAD"
        ? handleDownload(ctx, request, fileName)
        : methodNotAllowed(method, path);
    }
    return cometError(404, `Invalid URL (${method} ${path})`);
  }

  return {
    async handle(request) {
      if (!resumed) {
        resumed = true;
        // Callbacks of tasks left unfinished by a previous process resume in the background.
        ctx.engine.resumeUnfinished().catch(() => undefined);
        sweep().catch((error: unknown) => console.error("[simulator] sweep failed", error));
        sweeper = setInterval(
          () => void sweep().catch(() => undefined),
          Math.min(retentionMs, SWEEP_EVERY_MS),
        );
        sweeper.unref();
      }
      try {
        return await route(request);
      } catch (error) {
        console.error("[simulator] request failed", error);
        return cometError(500, "simulator internal error", "internal_error");
      }
    },
    sweep,
    close: () => {
      clearInterval(sweeper);
      return ctx.engine.close();
    },
  };
}

function methodNotAllowed(method: string, path: string): Response {
  return cometError(405, `Method ${method} not allowed on ${path}`);
}
