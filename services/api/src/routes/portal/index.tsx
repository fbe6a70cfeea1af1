/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The citizen portal's front page: search, the most used procedures (each one click away) and
// the ways in. Open while the agency is suspended, with the notice (tracking still works).
import { validateTenantSession } from '@motcua/auth';
import { countFilings, listProcedures, type PublishedProcedure } from '@motcua/engine';
import { PortalHomePage } from '@motcua/ui';
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { sessionToken } from '../auth/session.ts';
import { type Ctx, page, scopeOf, toProcedureCard } from '../portal-pages/common.tsx';

/** "Most used" looks back this far, and is counted again at most this often per agency. */
const lookBackDays = 90;
const recountMs = 10 * 60_000;

/**
 * The agency's procedures by filings in the last 90 days, most first (ties by code). The counts
 * come from a grouped scan of the dossiers, kept per agency for ten minutes so that the front
 * page, the busiest page, does not pay for it on every visit.
 */
function popularity() {
  const counted = new Map<string, { at: number; filings: Map<string, number> }>();
  return async (c: Ctx, procedures: PublishedProcedure[]) => {
    const now = c.get('deps').clock().getTime();
    const slug = c.get('tenant').slug;
    let entry = counted.get(slug);
    if (!entry || now - entry.at > recountMs) {
      const since = new Date(now - lookBackDays * 86_400_000);
      entry = { at: now, filings: await countFilings(scopeOf(c), since) };
      counted.set(slug, entry);
    }
    const filings = entry.filings;
    const used = (p: PublishedProcedure) => filings.get(p.document.code) ?? 0;
    return [...procedures].sort(
      (a, b) => used(b) - used(a) || a.document.code.localeCompare(b.document.code),
    );
  };
}

export function portalRoutes() {
  const app = new Hono<AppEnv>();
  const byUse = popularity();
  app.get('/', async (c) => {
    const tenant = c.get('tenant');
    const token = sessionToken(c);
    const [procedures, session] = await Promise.all([
      listProcedures(scopeOf(c)).then((list) => byUse(c, list)),
      token ? validateTenantSession(c.get('deps').database, tenant.slug, token) : undefined,
    ]);
    return c.html(
      <PortalHomePage
        {...page(c)}
        procedures={procedures.map(toProcedureCard)}
        suspended={tenant.status === 'suspended'}
        signedIn={session?.principal.kind === 'citizen'}
      />,
    );
  });
  return app;
}
