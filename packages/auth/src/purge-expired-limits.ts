// Deletes rate-limit counters and sign-in throttle rows that no longer limit anything, so the
// tables stay the size of current activity. Called by the worker's periodic sweep.
import { type Database, purgeExpiredRateLimits, type TenantSlug, withTenant } from '@motcua/db';
import { operatorSignInThrottles } from '@motcua/db/platform';
import { signInThrottles } from '@motcua/db/tenant';
import { and, isNull, lt, lte, or } from 'drizzle-orm';
import { throttlePolicy } from './throttle.ts';

export interface PurgeExpiredLimitsInput {
  /** The tenants whose throttle rows to purge. */
  slugs: readonly TenantSlug[];
  now?: Date;
}

export interface PurgedLimits {
  rateLimits: number;
  throttles: number;
}

/**
 * A throttle row is done with once it is unlocked and has not counted anything for the reset
 * period: its next failure would start from one anyway. (Password-reset windows, kept in the
 * same tables, are shorter than that period.)
 */
function expired(table: typeof signInThrottles | typeof operatorSignInThrottles, now: Date) {
  const resetCutoff = new Date(now.getTime() - throttlePolicy.resetAfterMs);
  return and(lt(table.updatedAt, resetCutoff), or(isNull(table.lockedUntil), lte(table.lockedUntil, now)));
}

export async function purgeExpiredLimits(
  database: Database,
  { slugs, now = new Date() }: PurgeExpiredLimitsInput,
): Promise<PurgedLimits> {
  const rateLimits = await purgeExpiredRateLimits(database);
  const operators = await database.platform
    .delete(operatorSignInThrottles)
    .where(expired(operatorSignInThrottles, now));
  let throttles = operators.count;
  for (const slug of slugs) {
    const deleted = await withTenant(database, slug, (db) =>
      db.delete(signInThrottles).where(expired(signInThrottles, now)),
    );
    throttles += deleted.count;
  }
  return { rateLimits, throttles };
}
