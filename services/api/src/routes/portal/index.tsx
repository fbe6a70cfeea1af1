/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The citizen portal's pages (the foundation has the front page; the engine adds the rest).
import { PortalHome, pickLocale } from '@motcua/ui';
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';

export function portalRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    const tenant = c.get('tenant');
    const locale = pickLocale(c.req.query('lang'), c.req.header('accept-language'));
    return c.html(
      <PortalHome
        locale={locale}
        path="/"
        basePath={c.env.basePath}
        tenantName={tenant.name}
        suspended={tenant.status === 'suspended'}
      />,
    );
  });
  return app;
}
