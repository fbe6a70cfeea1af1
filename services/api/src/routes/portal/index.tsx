/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The citizen portal's front page: search, the most used procedures (each one click away) and
// the ways in. Open while the agency is suspended, with the notice (tracking still works).
import { validateTenantSession } from '@motcua/auth';
import { listProcedures } from '@motcua/engine';
import { PortalHomePage } from '@motcua/ui';
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { sessionToken } from '../auth/session.ts';
import { page, scopeOf, toProcedureCard } from '../portal-pages/common.tsx';

export function portalRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const tenant = c.get('tenant');
    const token = sessionToken(c);
    // "Most used" is the catalog's order for now: no engine verb counts dossiers per procedure.
    const [procedures, session] = await Promise.all([
      listProcedures(scopeOf(c)),
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
