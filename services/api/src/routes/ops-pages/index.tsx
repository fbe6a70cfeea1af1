/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The operator console's pages on the platform host (/ops): sign-in with TOTP, the agency list,
// onboarding with live progress, and each agency's lifecycle. Thin adapters over the verbs of
// @motcua/auth and @motcua/provisioning, like the operator API beside them.
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { opsLifecycleRoutes } from './lifecycle.tsx';
import { opsProgressRoutes } from './progress.ts';
import { opsSignInRoutes } from './sign-in.tsx';
import { opsTenantRoutes } from './tenants.tsx';

export function opsPagesRoutes() {
  const app = new Hono<AppEnv>();
  // Scoped to /ops: this app is mounted at the platform root, beside the API and the landing page.
  for (const path of ['/ops', '/ops/*']) {
    app.use(path, async (c, next) => {
      await next();
      // Forms, one-time secrets and agencies' details: never kept by a cache.
      if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
    });
  }
  app.route('/', opsSignInRoutes());
  app.route('/', opsTenantRoutes());
  app.route('/', opsLifecycleRoutes());
  app.route('/', opsProgressRoutes());
  return app;
}
