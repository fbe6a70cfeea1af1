// Where the links of an agency's emails (password reset, invitations, dossier notices) point.
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import type { ApiEnv } from './env.ts';

/**
 * The agency's own site: the host the tenant was resolved by, never the raw Host header (a
 * forged one would mail a link to someone else's server); only the port comes from the
 * request, so that local runs get working links. `tenantSiteBase` adds the `/t/<slug>` path.
 */
export function tenantSiteOrigin(c: Context<AppEnv>): string {
  const domain = c.get('deps').env.PLATFORM_DOMAIN;
  const host = c.env.tenantDomain ?? (c.env.basePath ? domain : `${c.get('tenant').slug}.${domain}`);
  const port = new URL(c.req.url).port;
  return `${c.env.secure ? 'https' : 'http'}://${host}${port ? `:${port}` : ''}`;
}

export function tenantSiteBase(c: Context<AppEnv>): string {
  return `${tenantSiteOrigin(c)}${c.env.basePath}`;
}

/**
 * The site of agency `slug` for the links its emails carry, when a request is at hand (an
 * operator onboarding or retrying it): the platform domain, with the request's scheme and port
 * as the operator pages' own links have them. Every email goes through the outbox; this only
 * says where its link points.
 */
export function tenantSiteUrlFromRequest(c: Context<AppEnv>): (slug: string) => string {
  const domain = c.get('deps').env.PLATFORM_DOMAIN;
  const port = new URL(c.req.url).port;
  return (slug) => `${c.env.secure ? 'https' : 'http'}://${slug}.${domain}${port ? `:${port}` : ''}`;
}

/**
 * The same from configuration alone, for work no request started (a provisioning run resumed
 * when the API starts): https on the platform domain in production, else http on PORT.
 */
export function configuredTenantSiteUrl(
  env: Pick<ApiEnv, 'PLATFORM_DOMAIN' | 'PORT' | 'NODE_ENV'>,
): (slug: string) => string {
  if (env.NODE_ENV === 'production') return (slug) => `https://${slug}.${env.PLATFORM_DOMAIN}`;
  const port = env.PORT === 80 || env.PORT === 0 ? '' : `:${env.PORT}`;
  return (slug) => `http://${slug}.${env.PLATFORM_DOMAIN}${port}`;
}
