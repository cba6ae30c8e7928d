import type { ElementStore } from "./element-store";
import type { FaultState } from "./fault-queue";
import type { TaskEngine } from "./task-engine";
import type { TaskStore } from "./task-store";
import type { QueryShape, SimulatorOptions } from "./types";

/** Settings that control routes may change while the simulator runs. */
export type LiveSettings = Omit<SimulatorOptions, "queryShape" | "renderScale"> & {
  queryShape: QueryShape;
  renderScale: number;
};

export type RequestLog = {
  creates: unknown[];
  /** The create bodies as sent: JSON.parse (creates) rounds element ids above 2^53. */
  createBodies: string[];
  queries: string[];
  /** Delete-elements bodies as sent, so a test can tell whether the studio asked at all. */
  elementDeletes: string[];
  downloads: string[];
  counts: { create: number; query: number; download: number };
};

export type SimContext = {
  settings: LiveSettings;
  store: TaskStore;
  elements: ElementStore;
  engine: TaskEngine;
  faults: FaultState;
  log: RequestLog;
  urlSecret: () => Promise<string>;
};

export function emptyRequestLog(): RequestLog {
  return {
    creates: [],
    createBodies: [],
    queries: [],
    elementDeletes: [],
    downloads: [],
    counts: { create: 0, query: 0, download: 0 },
  };
}
