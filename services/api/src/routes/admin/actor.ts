// The staff member behind a request to the agency console's API.
import type { Actor, AuthContext } from '@motcua/auth';
import { ForbiddenError } from '@motcua/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { requireTenantSession } from '../auth/session.ts';

export async function staffContext(c: Context<AppEnv>): Promise<AuthContext> {
  const { principal } = await requireTenantSession(c);
  if (principal.kind !== 'staff') throw new ForbiddenError('This is for the agency’s staff.');
  const actor: Actor = { kind: 'staff', id: principal.id, role: principal.role };
  return {
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
    actor,
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  };
}
