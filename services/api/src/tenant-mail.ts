// Emails that carry links into an agency's site (password reset, invitations).
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

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
