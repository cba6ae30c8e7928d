import { cometError, jsonResponse } from "./responses";
import type { FaultEntry, FaultPhase } from "./types";

export type FaultState = ReturnType<typeof createFaultState>;

const PHASES: readonly FaultPhase[] = ["create", "query", "download"];

/** Scripted faults: one FIFO queue per phase, each entry used up by one request. */
export function createFaultState() {
  const queues: Record<FaultPhase, FaultEntry[]> = { create: [], query: [], download: [] };
  const failNext: string[] = [];
  return {
    /** Adds entries from a control request; returns an error text for a bad script. */
    add(script: unknown): string | undefined {
      if (typeof script !== "object" || script === null) return "body must be a JSON object";
      const fields = script as Record<string, unknown>;
      const parsed: Partial<Record<FaultPhase, FaultEntry[]>> = {};
      for (const phase of PHASES) {
        const entries = fields[phase];
        if (entries === undefined) continue;
        if (!Array.isArray(entries) || !entries.every(isFaultEntry)) {
          return `${phase} must be a list of {status,body} | {malformed} | {delayMs} | {reset}`;
        }
        parsed[phase] = entries;
      }
      const fail = fields.failNext;
      if (fail !== undefined && (typeof fail !== "object" || fail === null)) {
        return 'failNext must be an object like {"message":"…"}';
      }
      for (const phase of PHASES) queues[phase].push(...(parsed[phase] ?? []));
      if (fail) {
        const message = (fail as { message?: unknown }).message;
        failNext.push(typeof message === "string" ? message : "Simulated failure");
      }
      return undefined;
    },
    take(phase: FaultPhase): FaultEntry | undefined {
      return queues[phase].shift();
    },
    takeFailNext(): string | undefined {
      return failNext.shift();
    },
    clear(): void {
      for (const phase of PHASES) queues[phase].length = 0;
      failNext.length = 0;
    },
    snapshot() {
      return { ...queues, failNext: [...failNext] };
    },
  };
}

/** Waits out a delay, then returns the scripted answer, or undefined to carry on normally. */
export async function applyFault(
  entry: FaultEntry,
  phase: FaultPhase,
): Promise<Response | undefined> {
  if (entry.delayMs) await new Promise((resolve) => setTimeout(resolve, entry.delayMs));
  if (entry.reset) return resetResponse();
  if (entry.malformed) return malformedResponse(entry.malformed, phase);
  if (entry.status !== undefined) {
    if (entry.body === undefined) {
      return cometError(entry.status, `simulated HTTP ${entry.status}`);
    }
    if (typeof entry.body === "string") {
      return new Response(entry.body, {
        status: entry.status,
        headers: { "content-type": "text/plain" },
      });
    }
    return jsonResponse(entry.status, entry.body);
  }
  return undefined;
}

const resets = new WeakSet<Response>();

/**
 * A dropped connection. The standalone server sees the mark and destroys the socket before
 * any byte; elsewhere (Next) the body stream errors, which aborts the reply mid-way.
 */
export function resetResponse(): Response {
  const body = new ReadableStream({
    start(controller) {
      controller.error(new Error("simulated connection reset"));
    },
  });
  const response = new Response(body, { status: 200 });
  resets.add(response);
  return response;
}

export function isResetResponse(response: Response): boolean {
  return resets.has(response);
}

function malformedResponse(kind: true | "html" | "json", phase: FaultPhase): Response {
  if (phase === "download") {
    return new Response("this is not an mp4", { headers: { "content-type": "video/mp4" } });
  }
  if (kind === "json") {
    return new Response('{"code":0,"message":"SUCCEED","data":{"task_id":', {
      headers: { "content-type": "application/json" },
    });
  }
  return new Response("<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>", {
    headers: { "content-type": "text/html" },
  });
}

function isFaultEntry(value: unknown): value is FaultEntry {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  if (entry.status !== undefined) {
    if (typeof entry.status !== "number" || entry.status < 200 || entry.status > 599) return false;
  }
  if (entry.delayMs !== undefined && (typeof entry.delayMs !== "number" || entry.delayMs < 0)) {
    return false;
  }
  const kinds = ["status", "malformed", "delayMs", "reset"].filter(
    (key) => entry[key] !== undefined,
  );
  return kinds.length > 0;
}
