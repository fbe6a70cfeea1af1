// Tenants waiting for a delivery visit, visited at most `concurrency` at a time and each by one
// visit at a time. Asking again for a tenant already waiting changes nothing; asking for one
// being visited queues one more visit after it, since its rows may have been committed after
// the running visit looked.

export interface DeliveryQueue<K> {
  request(key: K): void;
  /** Resolves once nothing waits and nothing runs. */
  idle(): Promise<void>;
  /** Drops what waits, refuses new requests, and resolves once running visits end. */
  close(): Promise<void>;
}

export interface DeliveryQueueOptions<K> {
  concurrency: number;
  /** Must not throw; a rejection is passed to `onError` and the queue goes on. */
  visit(key: K): Promise<void>;
  onError?(key: K, error: unknown): void;
}

export function createDeliveryQueue<K>({
  concurrency,
  visit,
  onError,
}: DeliveryQueueOptions<K>): DeliveryQueue<K> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError('The concurrency is a whole number from 1.');
  }
  const waiting = new Set<K>();
  const running = new Map<K, Promise<void>>();
  const again = new Set<K>();
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (waiting.size > 0 || running.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const pump = () => {
    for (const key of waiting) {
      if (running.size >= concurrency) break;
      if (running.has(key)) continue;
      waiting.delete(key);
      const run = visit(key)
        .catch((error: unknown) => onError?.(key, error))
        .finally(() => {
          running.delete(key);
          if (again.delete(key) && !closed) waiting.add(key);
          pump();
          settleIdle();
        });
      running.set(key, run);
    }
  };

  return {
    request(key) {
      if (closed) return;
      if (running.has(key)) again.add(key);
      else waiting.add(key);
      pump();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
    async close() {
      closed = true;
      waiting.clear();
      again.clear();
      while (running.size > 0) await Promise.allSettled([...running.values()]);
      settleIdle();
    },
  };
}
