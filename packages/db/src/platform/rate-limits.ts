import { integer, text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';

/** Fixed-window request counters shared by every API process (registration, public lookups). */
export const rateLimits = platform.table('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});
