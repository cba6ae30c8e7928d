import "server-only";

/**
 * A nudge for this process's sync worker: a callback or a freed slot makes it look at the
 * database now instead of at its next tick. Other processes notice through nextCheckAt.
 */
type Listener = () => void;

const holder = globalThis as unknown as { omniWorkerWake?: Set<Listener> };

function listeners(): Set<Listener> {
  holder.omniWorkerWake ??= new Set();
  return holder.omniWorkerWake;
}

export function wakeWorker(): void {
  for (const listener of listeners()) listener();
}

export function onWorkerWake(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
