import { withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import type { AuthContext } from '../context.ts';
import { assertCan } from '../permissions.ts';
import { type StaffView, staffViewColumns } from './staff-view.ts';

/** The agency's staff, invited and disabled included, oldest first. Reading writes no audit row. */
export async function listStaff(ctx: AuthContext): Promise<StaffView[]> {
  assertCan(ctx.actor, 'staff.manage');
  return withTenant(ctx.database, ctx.slug, (db) =>
    db.select(staffViewColumns).from(staffUsers).orderBy(staffUsers.createdAt, staffUsers.id),
  );
}
