// Who may use the operator API: an operator signed in with password and TOTP (session
// cookie, realm "operator"), or the bootstrap token from config (`Authorization: Bearer …`,
// compared in constant time) for first setup and automation. Reads need `tenants.read`,
// changes `tenants.manage`, unless a route names its own permission (the export holds every
// citizen's data, so downloading it is a change-level right).
import { createHash, timingSafeEqual } from 'node:crypto';
import { can, cookieName, type Permission, validateOperatorSession } from '@motcua/auth';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();
const reads = new Set(['GET', 'HEAD']);

export function opsAuth(permission?: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const match = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '');
    if (match?.[1] && timingSafeEqual(digest(match[1]), digest(c.get('deps').env.MOTCUA_OPS_TOKEN))) {
      return next();
    }
    const token = getCookie(c, cookieName('operator', c.env.secure === true));
    const validation = token ? await validateOperatorSession(c.get('deps').database, token) : null;
    if (!validation?.session.twoFactorVerified) {
      c.header('WWW-Authenticate', 'Bearer realm="motcua-ops"');
      return c.json({ error: { code: 'unauthorized', message: 'Sign in as an operator to continue.' } }, 401);
    }
    const needed = permission ?? (reads.has(c.req.method) ? 'tenants.read' : 'tenants.manage');
    if (!can(validation.operator.role, needed)) {
      return c.json(
        { error: { code: 'forbidden', message: 'Your operator role does not allow this.' } },
        403,
      );
    }
    return next();
  });
}
