// Request id, the request's logger, an access log line and metrics, for every request.
import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../context.ts';

const incomingId = /^[A-Za-z0-9._-]{8,64}$/;

export function requestContext(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const header = c.req.header('x-request-id');
    const requestId = header && incomingId.test(header) ? header : randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('logger', deps.logger.child({ requestId }));
    c.header('X-Request-Id', requestId);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath || 'unmatched';
    deps.metrics.observe(route, c.req.method, c.res.status, seconds);
    // The path only: query strings can carry tokens or personal data.
    c.get('logger').info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(seconds * 10_000) / 10,
      tenant: c.env?.tenantSlug ?? c.get('tenant')?.slug,
    });
  });
}
