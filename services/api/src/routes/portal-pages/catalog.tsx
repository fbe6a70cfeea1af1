/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The published catalog as pages: search by name or code, and a procedure's page.
import { NotFoundError } from '@motcua/domain';
import { getProcedure, listProcedures } from '@motcua/engine';
import { PortalProcedurePage, PortalProcedureSearchPage } from '@motcua/ui';
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { notFound, page, scopeOf, toProcedureCard, toProcedureDetail } from './common.tsx';
import { findProcedures } from './search.ts';

export function catalogPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/procedures', async (c) => {
    const base = page(c);
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const cards = (await listProcedures(scopeOf(c))).map(toProcedureCard);
    return c.html(<PortalProcedureSearchPage {...base} q={q.trim()} procedures={findProcedures(cards, q)} />);
  });
  app.get('/procedures/:code', async (c) => {
    const base = page(c);
    try {
      const published = await getProcedure(scopeOf(c), c.req.param('code').slice(0, 80));
      return c.html(<PortalProcedurePage {...base} procedure={toProcedureDetail(published)} />);
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(c, base);
      throw error;
    }
  });
  return app;
}
