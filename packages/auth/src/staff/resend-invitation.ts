// A new invitation link for someone who has not accepted yet: an admin's "send again", and
// the first admin's invitation once the vendor has provisioned the agency. Earlier unused
// links stop working.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { oneTimeTokens, staffUsers } from '@motcua/db/tenant';
import { NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { AuthContext } from '../context.ts';
import { assertCan } from '../permissions.ts';
import { newSessionCredentials } from '../sessions.ts';
import { type InviteStaffDeps, invitationEmail } from './invite-staff.ts';
import { invitationPolicy } from './staff-view.ts';

type Lookup = { id: string } | { email: string };

async function issue(
  database: Database,
  slug: TenantSlug,
  who: Lookup,
  audit: { actor: string; requestId?: string; ip?: string },
  deps: InviteStaffDeps,
) {
  const outcome = await withTenant(database, slug, async (db) => {
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
    await db
      .delete(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.principalId, staff.id),
          eq(oneTimeTokens.purpose, 'invitation'),
          isNull(oneTimeTokens.usedAt),
        ),
      );
    const { id, token, secretHash } = newSessionCredentials();
    await db.insert(oneTimeTokens).values({
      id,
      secretHash,
      purpose: 'invitation',
      principalKind: 'staff',
      principalId: staff.id,
      expiresAt: new Date(Date.now() + invitationPolicy.tokenLifetimeMs),
    });
    await recordAudit(db, { ...audit, action: 'staff.invitation_sent', subject: staff.id });
    return { staff, token };
  });
  await deps.send(
    invitationEmail(
      outcome.staff,
      deps.siteName,
      `${deps.linkBase}/accept-invitation?token=${outcome.token}`,
    ),
  );
  return { id: outcome.staff.id };
}

export async function resendInvitation(ctx: AuthContext, input: { id: string }, deps: InviteStaffDeps) {
  assertCan(ctx.actor, 'staff.manage');
  return issue(
    ctx.database,
    ctx.slug,
    { id: input.id },
    { actor: `${ctx.actor.kind}:${ctx.actor.id}`, requestId: ctx.requestId, ip: ctx.ip },
    deps,
  );
}

/** The first admin's invitation, sent by the platform when provisioning has finished. */
export async function sendFirstAdminInvitation(
  database: Database,
  slug: TenantSlug,
  adminEmail: string,
  deps: InviteStaffDeps,
) {
  return issue(database, slug, { email: adminEmail }, { actor: 'platform:provisioning' }, deps);
}
