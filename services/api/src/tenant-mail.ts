// Emails that carry links into an agency's site (password reset, invitations).
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { platformOrigin, tenantOrigin } from './site-links.ts';

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
 * Sends as the request's background work: the answer does not wait for the SMTP server (so it
 * takes as long for an address without an account), and a failure is logged without the
 * message, which holds the link.
 */
export function queueEmail(c: Context<AppEnv>, what: string) {
  return (message: { to: string; subject: string; text: string; html?: string }) => {
    const { mailer, background } = c.get('deps');
    const logger = c.get('logger');
    const delivery = mailer.send(message).catch((error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      logger.error(`${what} email not sent`, {
        error: error instanceof Error ? error.name : 'unknown',
        ...(typeof code === 'string' ? { code } : {}),
      });
    });
    background.add(delivery);
    void delivery.finally(() => background.delete(delivery));
  };
}
