// How the launcher stops: on Ctrl-C (SIGINT), SIGTERM (docker stop, systemd, process managers),
// SIGHUP (the terminal closed), and when its parent process disappears (`npm start` killed: npm
// does not pass signals on to its script's children). Whatever was started is stopped in the
// reverse order, PostgreSQL last, whether the launcher was serving or still starting.

export interface Lifecycle {
  /** Aborted as soon as stopping begins: a start in progress gives up. */
  signal: AbortSignal;
  readonly stopping: boolean;
  /** Registers a stop step, run before those registered earlier; returns its removal. */
  onStop(step: () => Promise<void> | void): () => void;
  /** Runs every stop step, says why, and exits with `code`. */
  stop(reason: string, code?: number): Promise<void>;
}

export function createLifecycle({
  parentCheckMs = 500,
  say = (line: string) => console.log(line),
}: {
  parentCheckMs?: number;
  say?: (line: string) => void;
} = {}): Lifecycle {
  const controller = new AbortController();
  const steps: (() => Promise<void> | void)[] = [];
  let stopping: Promise<void> | undefined;
  // After SIGHUP the terminal may be gone: a failed write must not crash the stop.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});

  const life: Lifecycle = {
    signal: controller.signal,
    get stopping() {
      return stopping !== undefined;
    },
    onStop(step) {
      steps.push(step);
      return () => {
        const at = steps.indexOf(step);
        if (at >= 0) steps.splice(at, 1);
      };
    },
    stop(reason, code = 0) {
      stopping ??= (async () => {
        controller.abort();
        say(`\nStopping (${reason})…`);
        for (const step of steps.splice(0).reverse()) {
          await Promise.resolve()
            .then(step)
            .catch((error: unknown) =>
              say(`  while stopping: ${(error as Error)?.message ?? String(error)}`),
            );
        }
        say('Stopped.');
        process.exit(code);
      })();
      return stopping;
    },
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void life.stop(`${signal} received`));
  }
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) void life.stop(`its parent process ${parent} exited`);
  }, parentCheckMs);
  watch.unref();
  return life;
}
