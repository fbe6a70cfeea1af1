// The bootstrap operator token (until operator accounts arrive): `Authorization: Bearer …`,
// compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function opsAuth() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    const expected = digest(c.get('deps').env.MOTCUA_OPS_TOKEN);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="motcua-ops"');
      return c.json({ error: { code: 'unauthorized', message: 'A valid operator token is required.' } }, 401);
    }
    await next();
  });
}
