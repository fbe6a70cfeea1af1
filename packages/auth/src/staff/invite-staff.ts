// Inviting a person to an agency's staff: an `invited` row and a single-use, 7-day link
// (`id.secret`, only SHA-256(secret) stored), its email queued in the outbox by the same unit of
// work (see emailed-tokens.ts).
import { newId, type TenantDb, withTenant } from '@motcua/db';
import { staffRoles, staffUsers } from '@motcua/db/tenant';
import { ConflictError } from '@motcua/domain';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { AuthContext } from '../context.ts';
import { queueEmailedToken } from '../emailed-tokens.ts';
import { assertCan } from '../permissions.ts';
import {
  assertUnitUsable,
  invitationPolicy,
  parseInput,
  type StaffView,
  staffViewColumns,
  trace,
} from './staff-view.ts';

export const inviteStaffInput = z.object({
  // Stored in lower case: the unique index is on the column as written.
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  fullName: z.string().trim().min(1).max(200),
  role: z.enum(staffRoles),
  unitId: z.string().max(100).nullish(),
});
export type InviteStaffInput = z.input<typeof inviteStaffInput>;

export interface InviteStaffDeps {
  /**
   * Scheme, host and base path of the agency's site, without a trailing slash. The caller
   * takes the host from the resolved tenant, never from the Host header a client chooses.
   */
  linkBase: string;
  /** The agency's name, shown in the email. */
  siteName: string;
}

/** Queues the invitation email of an invited person, inside the caller's unit of work. */
export function queueInvitation(
  db: TenantDb,
  person: { id: string; email: string; fullName: string },
  deps: InviteStaffDeps,
  now: Date,
) {
  return queueEmailedToken(db, {
    purpose: 'invitation',
    principal: { kind: 'staff', id: person.id },
    to: person.email,
    fullName: person.fullName,
    site: { name: deps.siteName, url: deps.linkBase },
    lifetimeMs: invitationPolicy.tokenLifetimeMs,
    now,
  });
}

/** 23505 on `staff_users_email_key`: someone invited the same address at the same moment. */
function isEmailTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint_name?: unknown; cause?: unknown } | null;
  if (e?.code === '23505' && e.constraint_name === 'staff_users_email_key') return true;
  return e?.cause !== undefined && e.cause !== error && isEmailTaken(e.cause);
}

/** Invites a person; a second invitation to an address already on the staff is a conflict. */
export async function inviteStaff(
  ctx: AuthContext,
  input: unknown,
  deps: InviteStaffDeps,
  now: Date = new Date(),
): Promise<StaffView> {
  assertCan(ctx.actor, 'staff.manage');
  const { email, fullName, role, unitId } = parseInput(
    inviteStaffInput,
    input,
    'The invitation is incomplete.',
  );
  const taken = () => new ConflictError('Someone on the staff already has this email address.', { email });
  const outcome = await withTenant(ctx.database, ctx.slug, async (db) => {
    const [existing] = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = ${email}`);
    if (existing) throw taken();
    if (unitId) await assertUnitUsable(db, unitId);
    const [staff] = await db
      .insert(staffUsers)
      .values({ id: newId('usr'), email, fullName, role, unitId: unitId ?? null, status: 'invited' })
      .returning(staffViewColumns);
    if (!staff) throw new Error('The staff insert returned no row.');
    await queueInvitation(db, staff, deps, now);
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'staff.invited',
      subject: staff.id,
      details: { email, role, unitId: staff.unitId, status: staff.status },
      ...trace(ctx),
    });
    return staff;
  }).catch((error: unknown) => {
    throw isEmailTaken(error) ? taken() : error;
  });
  return outcome;
}
