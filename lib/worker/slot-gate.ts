/**
 * A first-come, first-served counting semaphore. A finished job hands its slot straight to
 * the next waiter, so `active` never over-counts and nobody jumps the queue.
 */
export type SlotGate = {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
};

export function createSlotGate(limit: () => number): SlotGate {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    get active() {
      return active;
    },
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (active >= limit()) await new Promise<void>((resolve) => waiting.push(resolve));
      else active += 1;
      try {
        return await work();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active -= 1;
      }
    },
  };
}
