/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The citizen portal's pages on the agency's host (issue 5 §1): procedure search and pages,
// public tracking, and the signed-in citizen's dossiers. The front page is routes/portal.
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { catalogPageRoutes } from './catalog.tsx';
import { dossierPageRoutes } from './dossiers.tsx';
import { trackPageRoutes } from './track.tsx';

export function portalPagesRoutes() {
  const app = new Hono<AppEnv>();
  // Pages with a person's dossiers or a tracking key in them: never kept by a shared cache.
  for (const path of ['/dossiers', '/dossiers/*']) {
    app.use(path, async (c, next) => {
      await next();
      if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
    });
  }
  app.route('/', catalogPageRoutes());
  app.route('/', trackPageRoutes());
  app.route('/', dossierPageRoutes());
  return app;
}
