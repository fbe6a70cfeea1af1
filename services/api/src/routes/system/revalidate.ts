// The agency's look (its colours, its logo) can change at any moment from the branding page,
// and must show on the next page the admin opens — including in their own browser, which a
// max-age would keep on the old copy for minutes. So these addresses are revalidated on each
// use: the browser asks again with the version it has (If-None-Match) and gets a bodiless
// 304 when nothing changed, which costs the server one small read instead of the file.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';

export const etagOf = (version: string) =>
  `"${createHash('sha256').update(version).digest('base64url').slice(0, 22)}"`;

/** Sets the headers; answers 304 when the browser already holds `version`, else undefined. */
export function notModified(c: Context<AppEnv>, version: string): Response | undefined {
  const etag = etagOf(version);
  c.header('ETag', etag);
  c.header('Cache-Control', 'no-cache');
  const held = c.req.header('if-none-match');
  if (held?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
  return undefined;
}
