// Work a request starts but does not wait for (provisioning, offboarding). It is tracked so
// that shutdown and tests can wait for it; its failure is logged, never lost silently: the
// run itself records failed steps, and a restart resumes interrupted runs.
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

export function runInBackground(c: Context<AppEnv>, what: string, work: () => Promise<unknown>): void {
  const { background } = c.get('deps');
  const logger = c.get('logger');
  const task: Promise<unknown> = work()
    .catch((error: unknown) => {
      logger.error(`${what} failed in the background`, {
        error: error instanceof Error ? error.message : String(error),
      });
    })
    .finally(() => background.delete(task));
  background.add(task);
}
