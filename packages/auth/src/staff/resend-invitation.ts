// A new invitation link for someone who has not accepted yet: an admin's "send again", the
// vendor's for the first admin of an agency, and the first admin's invitation itself, which the
// provisioning run queues in its own unit of work. Earlier unused links stop working (their
// tokens are removed), and the email goes through the outbox in the same unit of work.
import { type Database, type TenantDb, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { AuthContext } from '../context.ts';
import { assertCan } from '../permissions.ts';
import { type InviteStaffDeps, queueInvitation } from './invite-staff.ts';

type Lookup = { id: string } | { email: string };

interface Trace {
  actor: string;
  requestId?: string | undefined;
  ip?: string | undefined;
}

/** Inside the caller's unit of work: checks the person is still invited, then queues a new link. */
export async function queueNewInvitation(
  db: TenantDb,
  who: Lookup,
  audit: Trace,
  deps: InviteStaffDeps,
  now: Date = new Date(),
): Promise<{ id: string }> {
  const [staff] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      fullName: staffUsers.fullName,
      status: staffUsers.status,
    })
    .from(staffUsers)
    .where('id' in who ? eq(staffUsers.id, who.id) : sql`lower(${staffUsers.email}) = lower(${who.email})`);
  if (!staff) throw new NotFoundError('No such staff member.');
  if (staff.status !== 'invited') {
    throw new PreconditionFailedError('This person has already accepted.', undefined, 'not_invited');
  }
  await queueInvitation(db, staff, deps, now);
  await recordAudit(db, {
    actor: audit.actor,
    requestId: audit.requestId ?? null,
    ip: audit.ip ?? null,
    action: 'staff.invitation_sent',
    subject: staff.id,
  });
  return { id: staff.id };
}

export async function resendInvitation(ctx: AuthContext, input: { id: string }, deps: InviteStaffDeps) {
  assertCan(ctx.actor, 'staff.manage');
  const audit = { actor: `${ctx.actor.kind}:${ctx.actor.id}`, requestId: ctx.requestId, ip: ctx.ip };
  return withTenant(ctx.database, ctx.slug, (db) => queueNewInvitation(db, { id: input.id }, audit, deps));
}

/**
 * The vendor sends the first admin a new invitation (a lost email, a run of an older release that
 * never sent one). `actor` names the operator for the agency's audit trail.
 */
export async function resendFirstAdminInvitation(
  database: Database,
  slug: TenantSlug,
  adminEmail: string,
  deps: InviteStaffDeps,
  audit: Trace,
) {
  return withTenant(database, slug, (db) => queueNewInvitation(db, { email: adminEmail }, audit, deps));
}
