// A fixed-window rate limit kept in PostgreSQL, so that every API process counts together.
// One statement: a new window resets the count, otherwise it is incremented.
import type { Database } from './client.ts';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export async function consumeRateLimit(
  database: Database,
  key: string,
  { limit, windowSeconds }: { limit: number; windowSeconds: number },
): Promise<RateLimitResult> {
  const [row] = await database.sql<{ count: number; window_epoch: number }[]>`
    insert into platform.rate_limits as r (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key) do update set
      count = case when r.window_start = excluded.window_start then r.count + 1 else 1 end,
      window_start = excluded.window_start
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
