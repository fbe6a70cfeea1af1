// The request timeout backstop: a request not answered within REQUEST_TIMEOUT_MS gets 503
// (onError maps the DeadlineExceededError) instead of hanging, and its units of work stop
// waiting for a connection and are ended by the server soon after (@motcua/db's deadline).
import { withDeadline } from '@motcua/db';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';

export function requestDeadline(ms: number) {
  return createMiddleware<AppEnv>(async (_c, next) => {
    await withDeadline(ms, next);
  });
}
