// Whether storage can be used now, as the last request to it found: not ready until the bucket
// was first reached, away after a request that got no answer, ready again after one that did.
// Readiness reports it; `keepStorageReady` keeps probing while storage is away.

export interface StorageAvailability {
  ready: boolean;
  /** Why it is not ready: an error code or status (no URL, key or credential). */
  reason?: string;
  /** When it last changed. */
  since: Date;
}

export interface AvailabilityState {
  get(): StorageAvailability;
  up(): void;
  down(reason: string): void;
}

export function createAvailability(): AvailabilityState {
  let state: StorageAvailability = { ready: false, reason: 'not reached yet', since: new Date() };
  return {
    get: () => state,
    up() {
      if (!state.ready) state = { ready: true, since: new Date() };
    },
    down(reason) {
      if (state.ready || state.reason !== reason) state = { ready: false, reason, since: new Date() };
    },
  };
}

/** What `keepStorageReady` needs of a storage. */
export interface Probeable {
  availability(): StorageAvailability;
  ensureBucket(): Promise<void>;
  check(): Promise<void>;
}

export interface KeepReadyOptions {
  /** First wait between probes while storage is away; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How often a ready storage is looked at (a local check, no request). */
  watchMs?: number;
  onDown?: (reason: string) => void;
  onUp?: () => void;
}

export interface ReadyKeeper {
  /** Resolves once the first probe has ended, whatever its outcome (never rejects). */
  readonly firstProbe: Promise<void>;
  /** Resolves once the bucket was reached the first time (never rejects). */
  readonly firstReady: Promise<void>;
  stop(): void;
}

/**
 * Probes storage (creating the bucket the first time) until it answers, and again whenever a
 * request found it away, so that a process started while storage was down, or that lost it
 * later, becomes ready by itself when it returns. Timers do not keep the process alive.
 */
export function keepStorageReady(storage: Probeable, options: KeepReadyOptions = {}): ReadyKeeper {
  const { retryMs = 1000, maxRetryMs = 5000, watchMs = 1000, onDown, onUp } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wait = retryMs;
  let reportedDown: string | undefined;
  let markFirstReady: () => void = () => undefined;
  const firstReady = new Promise<void>((resolve) => {
    markFirstReady = resolve;
  });
  let markFirstProbe: () => void = () => undefined;
  const firstProbe = new Promise<void>((resolve) => {
    markFirstProbe = resolve;
  });
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  const tick = async () => {
    if (storage.availability().ready) {
      wait = retryMs;
      return schedule(watchMs);
    }
    try {
      await storage.ensureBucket();
      await storage.check();
      wait = retryMs;
      markFirstReady();
      if (reportedDown !== undefined) onUp?.();
      reportedDown = undefined;
      schedule(watchMs);
    } catch {
      const reason = storage.availability().reason ?? 'unknown';
      if (reportedDown !== reason) onDown?.(reason);
      reportedDown = reason;
      schedule(wait);
      wait = Math.min(wait * 2, maxRetryMs);
    }
  };
  void tick().finally(markFirstProbe);
  return {
    firstProbe,
    firstReady,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
