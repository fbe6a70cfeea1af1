/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency console's settings pages: calendar overrides, branding, units; and the agency's
// logo for everyone at /assets/logo. Plain forms (POST, then 303 back with a banner, or the page
// again with its error summary); the engine's verbs check and do everything.
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { mountBranding } from './branding.tsx';
import { mountCalendar } from './calendar.tsx';
import { mountUnits } from './units.tsx';

export function consoleSettingsRoutes() {
  const app = new Hono<AppEnv>();
  // These pages hold the agency's configuration as its admin sees it: never cache them.
  app.use('/console/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
  });
  mountCalendar(app);
  mountBranding(app);
  mountUnits(app);
  return app;
}
