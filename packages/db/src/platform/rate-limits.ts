import { index, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';

/** Fixed-window request counters shared by every API process (registration, public lookups). */
export const rateLimits = platform.table(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    /** When the window ends; the worker deletes rows past it. Rows from before this column end at once. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);
