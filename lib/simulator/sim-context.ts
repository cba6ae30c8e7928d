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
  queries: string[];
  downloads: string[];
  counts: { create: number; query: number; download: number };
};

export type SimContext = {
  settings: LiveSettings;
  store: TaskStore;
  engine: TaskEngine;
  faults: FaultState;
  log: RequestLog;
  urlSecret: () => Promise<string>;
};

export function emptyRequestLog(): RequestLog {
  return { creates: [], queries: [], downloads: [], counts: { create: 0, query: 0, download: 0 } };
}
