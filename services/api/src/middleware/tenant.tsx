/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Resolves the tenant of a request (host, verified custom domain, or /t/<slug>), binds the
// tenant's unit of work to the context, and applies the suspension policy.
import { withTenant } from '@motcua/db';
import { MessagePage, pickLocale, t } from '@motcua/ui';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { wantsJson } from '../errors.tsx';

/** Paths a citizen may still use while the agency is suspended: the portal front and tracking. */
const openWhileSuspended = [
  /^\/$/,
  /^\/track(\/|$)/,
  /^\/api\/tenant$/,
  /^\/api\/public\/track(\/|$)/,
  /^\/assets\//,
];

export function resolveTenant() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { tenants, database } = c.get('deps');
    const tenant = c.env.tenantSlug
      ? await tenants.bySlug(c.env.tenantSlug)
      : c.env.tenantDomain
        ? await tenants.byDomain(c.env.tenantDomain)
        : undefined;
    const locale = pickLocale(c.req.query('lang'), c.req.header('accept-language'));
    if (!tenant || (tenant.status !== 'active' && tenant.status !== 'suspended')) {
      const message = 'No agency is served at this address.';
      if (wantsJson(c)) return c.json({ error: { code: 'tenant_not_found', message } }, 404);
      return c.html(
        <MessagePage
          locale={locale}
          path={c.req.path}
          siteName={t(locale, 'platformName')}
          title={t(locale, 'unknownTenantTitle')}
          body={t(locale, 'unknownTenantBody')}
        />,
        404,
      );
    }
    c.set('tenant', tenant);
    c.set('inTenant', (work) => withTenant(database, tenant.slug, work));
    if (tenant.status === 'suspended' && !openWhileSuspended.some((path) => path.test(c.req.path))) {
      c.header('Retry-After', '3600');
      if (wantsJson(c)) {
        return c.json(
          {
            error: {
              code: 'tenant_suspended',
              message: 'This agency’s service is suspended; only dossier tracking is available.',
            },
          },
          503,
        );
      }
      return c.html(
        <MessagePage
          locale={locale}
          path={c.req.path}
          basePath={c.env.basePath}
          siteName={tenant.name}
          title={t(locale, 'suspendedTitle')}
          // Staff pages say what it means for staff; everywhere else, for citizens (tracking still works).
          body={t(locale, c.req.path.includes('/console') ? 'suspendedStaff' : 'suspendedCitizen')}
        />,
        503,
      );
    }
    await next();
  });
}
