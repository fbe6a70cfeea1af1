/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Health, readiness, metrics, the stylesheet and the platform's landing page.
import { listTenants } from '@motcua/provisioning';
import { emblemSvg, PlatformLanding, pickLocale, stylesheet } from '@motcua/ui';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { tenantOrigin } from '../../site-links.ts';
import { notModified } from './revalidate.ts';

export function assetRoutes() {
  return new Hono<AppEnv>().get('/assets/motcua.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
}

/** The header's logo on the platform host, and on an agency's pages until it sets its own. */
export function emblem(c: Context<AppEnv>, revalidate = false) {
  c.header('X-Content-Type-Options', 'nosniff');
  // On an agency's site the emblem stands in for a logo that may be uploaded at any moment.
  if (revalidate) {
    const unchanged = notModified(c, 'emblem');
    if (unchanged) return unchanged;
  } else {
    c.header('Cache-Control', 'public, max-age=3600');
  }
  return c.body(emblemSvg, 200, { 'Content-Type': 'image/svg+xml' });
}

export function systemRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/assets/logo', (c) => emblem(c));
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // Ready when the database answers and document storage answered its last request (storage is
  // probed in the background while it is away, from start-up on). What is not ready is named,
  // with the reason storage gave (an error code or status), never an address or a credential.
  app.get('/readyz', async (c) => {
    const { database, storage, logger } = c.get('deps');
    const failures: { dependency: string; code: string; message: string; reason?: string }[] = [];
    try {
      await database.sql`select 1`;
    } catch (error) {
      logger.warn('readiness check failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      failures.push({
        dependency: 'database',
        code: 'database_unreachable',
        message: 'The database is not reachable.',
      });
    }
    const stored = storage.availability();
    if (!stored.ready) {
      failures.push({
        dependency: 'storage',
        code: 'storage_unreachable',
        message: 'Document storage is not reachable.',
        ...(stored.reason ? { reason: stored.reason } : {}),
      });
    }
    const [first] = failures;
    if (!first) return c.json({ status: 'ready' });
    return c.json(
      {
        status: 'unavailable',
        checks: {
          database: failures.some((f) => f.dependency === 'database') ? 'unavailable' : 'ok',
          storage: stored.ready ? 'ok' : 'unavailable',
        },
        error: {
          code: first.code,
          message: failures.map((f) => f.message).join(' '),
          details: failures.map(({ dependency, reason }) => ({ dependency, ...(reason ? { reason } : {}) })),
        },
      },
      503,
    );
  });
  app.get('/metrics', (c) => {
    const { metrics, tenants } = c.get('deps');
    const body = metrics.render({
      motcua_process_resident_memory_bytes: process.memoryUsage.rss(),
      motcua_tenant_cache_entries: tenants.size,
    });
    return c.body(body, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  app.get('/', async (c) => {
    const { provisioning, env } = c.get('deps');
    const locale = pickLocale(c.req.query('lang'), c.req.header('accept-language'));
    const rows = await listTenants(provisioning);
    const live = rows.filter(({ tenant }) => tenant.status === 'active' || tenant.status === 'suspended');
    return c.html(
      <PlatformLanding
        locale={locale}
        path="/"
        tenants={live.map(({ tenant }) => ({
          name: tenant.name,
          url: `${tenantOrigin(env, tenant.slug)}/`,
        }))}
      />,
    );
  });
  return app;
}
