// Who is behind a request to the agency console's API: a staff member's session, or an
// integration's API key (`Authorization: Bearer mc_live_…`). A malformed key is refused
// before any database work.
import { type Actor, type AuthContext, apiKeyActor, parseApiKey, verifyApiKey } from '@motcua/auth';
import { ForbiddenError, UnauthenticatedError } from '@motcua/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { tenantSiteBase } from '../../tenant-mail.ts';
import { requireTenantSession } from '../auth/session.ts';

/** Whoever is behind the request: an integration's API key, or a signed-in staff member or citizen. */
export async function requestActor(c: Context<AppEnv>): Promise<Actor> {
  const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer !== undefined) {
    if (!parseApiKey(bearer)) throw new UnauthenticatedError('The API key is not valid.');
    const key = await verifyApiKey(c.get('deps').database, c.get('tenant').slug, bearer);
    if (!key) throw new UnauthenticatedError('The API key is not valid.');
    return apiKeyActor(key);
  }
  const { principal } = await requireTenantSession(c);
  return principal.kind === 'staff'
    ? { kind: 'staff', id: principal.id, role: principal.role }
    : { kind: 'citizen', id: principal.id };
}

async function resolveActor(c: Context<AppEnv>): Promise<Actor> {
  const actor = await requestActor(c);
  if (actor.kind === 'citizen') throw new ForbiddenError('This is for the agency’s staff.');
  return actor;
}

/** The verbs' context for whoever is behind the request, citizens included, with the app's clock. */
export async function actorContext(
  c: Context<AppEnv>,
): Promise<AuthContext & { now: () => Date; siteUrl: string }> {
  return {
    now: c.get('deps').clock,
    siteUrl: tenantSiteBase(c),
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
    actor: await requestActor(c),
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  };
}

export async function staffContext(c: Context<AppEnv>): Promise<AuthContext> {
  return {
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
    actor: await resolveActor(c),
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  };
}
