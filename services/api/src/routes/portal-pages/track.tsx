/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Public tracking as a page: the engine's `trackDossier` does the rate limit and the check of
// the key; a wrong code and a wrong key get the same message, as they do from the API.
import { LimitExceededError, NotFoundError, ValidationError } from '@motcua/domain';
import { getProcedure, trackDossier } from '@motcua/engine';
import { type FormError, type PortalPageBase, PortalTrackPage, portalText } from '@motcua/ui';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { type Ctx, page, scopeOf } from './common.tsx';

async function procedureName(c: Ctx, code: string) {
  try {
    return (await getProcedure(scopeOf(c), code)).document.name;
  } catch (error) {
    if (error instanceof NotFoundError) return null; // withdrawn since: the code is shown instead
    throw error;
  }
}

function shownError(c: Ctx, base: PortalPageBase, error: unknown): [ContentfulStatusCode, FormError[]] {
  const say = (key: Parameters<typeof portalText>[1]) => portalText(base.locale, key);
  if (error instanceof LimitExceededError) {
    if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
    return [429, [{ message: say('trackTooMany') }]];
  }
  if (error instanceof NotFoundError) return [404, [{ message: say('trackNotFound') }]];
  if (!(error instanceof ValidationError)) throw error;
  const details = Array.isArray(error.details) ? (error.details as { path?: unknown }[]) : [];
  const errors: FormError[] = [];
  if (details.some((d) => d.path === 'code')) errors.push({ field: 'code', message: say('errCode') });
  if (details.some((d) => d.path === 'key')) errors.push({ field: 'key', message: say('errKey') });
  return [400, errors.length ? errors : [{ message: say('trackNotFound') }]];
}

export function trackPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/track', async (c) => {
    const base = page(c);
    // The key is a credential in this page's address: no shared cache keeps the page. (Other
    // sites get only our origin as Referer, by the app-wide strict-origin-when-cross-origin.)
    c.header('Cache-Control', 'no-store');
    const code = (c.req.query('code') ?? '').slice(0, 100);
    const key = (c.req.query('key') ?? '').slice(0, 40);
    if (!code && !key) return c.html(<PortalTrackPage {...base} />);
    try {
      const tracked = await trackDossier(
        { ...scopeOf(c), ...(c.env.clientIp ? { ip: c.env.clientIp } : {}) },
        { code, key },
      );
      const result = {
        ...tracked,
        procedureName: await procedureName(c, tracked.procedureCode),
        steps: tracked.steps.map((s) => ({ action: s.action, at: s.at })),
      };
      return c.html(<PortalTrackPage {...base} code={code} trackingKey={key} result={result} />);
    } catch (error) {
      const [status, errors] = shownError(c, base, error);
      return c.html(<PortalTrackPage {...base} code={code} trackingKey={key} errors={errors} />, status);
    }
  });
  return app;
}
