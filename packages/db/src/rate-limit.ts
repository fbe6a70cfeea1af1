// A fixed-window rate limit kept in PostgreSQL, so that every API process counts together.
// One statement: a new window resets the count, otherwise it is incremented. Clients are
// counted by address, an IPv6 client by its /64 (see clientAddress).
import { isIPv4, isIPv6 } from 'node:net';
import type { Database } from './client.ts';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

function ipv6Groups(address: string): number[] | null {
  const [head = '', tail, ...rest] = address.split('::');
  if (rest.length > 0) return null;
  const parse = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        out.push(Number.parseInt(piece, 16));
      }
    }
    return out;
  };
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...new Array<number>(zeros).fill(0), ...right];
  return groups.length === 8 ? groups : null;
}

/**
 * The part of an address that identifies one client, or null when it is not an address.
 * Anyone holding one IPv6 address usually holds its whole /64 (and can pick any address in
 * it), so IPv6 is counted per /64; IPv4-mapped IPv6 counts as the IPv4 address it carries.
 */
export function clientAddress(ip: string): string | null {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

export interface RateLimitSubject {
  /** What is limited and where, e.g. `track:<slug>`. */
  bucket: string;
  /** The client's address as the request saw it; clients without one share a counter. */
  client?: string | null | undefined;
}

/** The row key of a subject: the bucket and the client's address as counted. */
export function rateLimitKey({ bucket, client }: RateLimitSubject): string {
  return `${bucket}:${(client ? clientAddress(client) : null) ?? 'unknown'}`;
}

export async function consumeRateLimit(
  database: Database,
  subject: RateLimitSubject,
  { limit, windowSeconds }: { limit: number; windowSeconds: number },
): Promise<RateLimitResult> {
  const key = rateLimitKey(subject);
  const [row] = await database.sql<{ count: number; window_epoch: number }[]>`
    insert into platform.rate_limits as r (key, window_start, count, expires_at)
    select ${key}, w.start, 1, w.start + make_interval(secs => ${windowSeconds})
    from (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start) w
    on conflict (key) do update set
      count = case when r.window_start = excluded.window_start then r.count + 1 else 1 end,
      window_start = excluded.window_start,
      expires_at = excluded.expires_at
    returning count, extract(epoch from window_start)::float8 as window_epoch`;
  const count = row?.count ?? 1;
  // Epoch seconds, not a Date: drizzle's postgres.js driver keeps timestamps as strings.
  const windowEnd = ((row?.window_epoch ?? Date.now() / 1000) + windowSeconds) * 1000;
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: count <= limit ? 0 : Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)),
  };
}

/** Deletes the counters whose window has ended (they would start from one anyway). */
export async function purgeExpiredRateLimits(database: Database): Promise<number> {
  const deleted = await database.sql`delete from platform.rate_limits where expires_at <= now()`;
  return deleted.count;
}
