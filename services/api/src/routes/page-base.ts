// What every server-rendered page of a tenant needs from the request: its language (from
// `?lang=` or the browser), the agency's name, and the base path of the `/t/<slug>` fallback.
import { type AuthPageBase, pickLocale } from '@motcua/ui';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

export function tenantPageBase(c: Context<AppEnv>): AuthPageBase {
  const query = c.req.query('lang');
  return {
    locale: pickLocale(query, c.req.header('accept-language')),
    siteName: c.get('tenant').name,
    basePath: c.env.basePath,
    lang: query === 'vi' || query === 'en' ? query : undefined,
  };
}
