import { withTenant } from '@motcua/db';
import { units } from '@motcua/db/tenant';
import { asc, gt, isNull, or, sql } from 'drizzle-orm';
import type { AuthContext } from '../context.ts';
import { assertCan } from '../permissions.ts';

export interface UnitChoice {
  id: string;
  code: string;
  name: string;
}

/** The units a staff member can be limited to: those still in use, by name. */
export async function listUnitChoices(ctx: AuthContext): Promise<UnitChoice[]> {
  assertCan(ctx.actor, 'staff.manage');
  return withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select({ id: units.id, code: units.code, name: units.name })
      .from(units)
      .where(or(isNull(units.validTo), gt(units.validTo, sql`current_date`)))
      .orderBy(asc(units.name)),
  );
}
