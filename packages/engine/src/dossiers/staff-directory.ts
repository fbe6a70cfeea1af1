// Who is who on a dossier's page: the names behind the timeline's staff references, and the
// case officers the dossier may be assigned to. Reception and leaders assign dossiers without
// the right to manage staff, so this is its own verb: names, roles and nothing else.
import { assertCan } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { dossiers, staffUsers } from '@motcua/db/tenant';
import { NotFoundError } from '@motcua/domain';
import { asc, eq } from 'drizzle-orm';
import type { EngineContext } from '../context.ts';
import { canSee } from './actor.ts';

export interface StaffDirectory {
  /** Every staff member's name by id (former staff included: they appear in old timelines). */
  names: Map<string, string>;
  /** Active case officers who can see this dossier (agency-wide, or of the dossier's unit). */
  officers: { id: string; name: string }[];
}

/** A case officer limited to a unit only works on that unit's dossiers. */
export const mayHandle = (officer: { unitId: string | null }, dossier: { unitId: string | null }) =>
  !officer.unitId || officer.unitId === dossier.unitId;

export async function getStaffDirectory(ctx: EngineContext, dossierId: string): Promise<StaffDirectory> {
  assertCan(ctx.actor, 'dossiers.read');
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!dossier || !(await canSee(db, ctx.actor, dossier))) throw new NotFoundError('No such dossier.');
    const staff = await db
      .select({
        id: staffUsers.id,
        fullName: staffUsers.fullName,
        role: staffUsers.role,
        status: staffUsers.status,
        unitId: staffUsers.unitId,
      })
      .from(staffUsers)
      .orderBy(asc(staffUsers.fullName));
    return {
      names: new Map(staff.map((s) => [s.id, s.fullName])),
      officers: staff
        .filter((s) => s.role === 'specialist' && s.status === 'active' && mayHandle(s, dossier))
        .map((s) => ({ id: s.id, name: s.fullName })),
    };
  });
}
