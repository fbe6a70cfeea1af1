// Where the links of an agency's emails (password reset, invitations, dossier notices) point.
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { type LinkEnv, platformOrigin, tenantOrigin } from './site-links.ts';

/**
 * The agency's own site as the request reached it — its verified custom domain, its host on
 * the platform domain, or the platform with the `/t/<slug>` path — built from configuration
 * (site-links.ts): nothing of the request's Host header, port included, gets into a link.
 * `tenantSiteBase` adds the `/t/<slug>` path.
 */
export function tenantSiteOrigin(c: Context<AppEnv>): string {
  const { env } = c.get('deps');
  if (c.env.basePath) return platformOrigin(env);
  return tenantOrigin(env, c.get('tenant').slug, c.env.tenantDomain);
}

export function tenantSiteBase(c: Context<AppEnv>): string {
  return `${tenantSiteOrigin(c)}${c.env.basePath}`;
}

/**
 * The site of agency `slug` for the links its emails carry when no request of that agency is at
 * hand (an operator onboarding it, a provisioning run resumed at start): from configuration,
 * read when the link is made (PORT=0 becomes the port the server got).
 */
export function tenantSiteUrl(env: () => LinkEnv): (slug: string) => string {
  return (slug) => tenantOrigin(env(), slug);
}
