// Accepting an invitation: the invited person proves the emailed link, chooses a password
// (the policy applies) and becomes active; the link is burned in the same unit of work.
import { type Database, type TenantDb, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { ValidationError } from '@motcua/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { assertAcceptablePassword, burnToken, findValidToken } from '../one-time-tokens.ts';
import { hashPassword } from '../passwords.ts';
import { parseSessionToken } from '../sessions.ts';
import { parseInput, trace } from './staff-view.ts';

export interface AcceptInvitationContext {
  database: Database;
  slug: TenantSlug;
  requestId?: string;
  ip?: string;
}

export const acceptInvitationInput = z.object({
  token: z.string().max(200),
  password: z.string().max(1024),
  fullName: z.string().trim().min(1).max(200).optional(),
});

export const invalidInvitation = 'invalid_or_expired_invitation';

function invalidToken(): ValidationError {
  return new ValidationError(
    'This invitation link is invalid, already used or expired. Ask your agency’s admin for a new one.',
    undefined,
    invalidInvitation,
  );
}

interface Invitee {
  id: string;
  email: string;
  fullName: string;
}

/** The invited person behind a usable token, or undefined: unknown id, wrong secret, used, expired, no longer invited. */
async function readInvitation(db: TenantDb, tokenId: string, secret: string, now: Date) {
  const row = await findValidToken(db, { id: tokenId, secret, purpose: 'invitation' }, now);
  if (row?.principalKind !== 'staff') return undefined;
  const [staff] = await db
    .select({ id: staffUsers.id, email: staffUsers.email, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, row.principalId), eq(staffUsers.status, 'invited')));
  return staff satisfies Invitee | undefined;
}

/**
 * Checks the token, then the password against the policy (field errors; the link keeps
 * working), then burns the token, sets password and name and makes the person active, with
 * the audit row. Signing in is a separate step.
 */
export async function acceptInvitation(
  ctx: AcceptInvitationContext,
  input: unknown,
  now: Date = new Date(),
): Promise<{ status: 'invitation_accepted'; staffId: string }> {
  const { token, password, fullName } = parseInput(
    acceptInvitationInput,
    input,
    'Send the token from the link and a password.',
  );
  const parsed = parseSessionToken(token);
  if (!parsed) throw invalidToken();
  const invitee = await withTenant(ctx.database, ctx.slug, (db) =>
    readInvitation(db, parsed.id, parsed.secret, now),
  );
  if (!invitee) throw invalidToken();
  const name = fullName ?? invitee.fullName;
  assertAcceptablePassword(password, { email: invitee.email, name: name });
  // Hashed outside the unit of work: argon2 is slow and needs no rows locked.
  const passwordHash = await hashPassword(password);
  await withTenant(ctx.database, ctx.slug, async (db) => {
    const burned = await burnToken(db, parsed.id, now);
    const updated = await db
      .update(staffUsers)
      .set({ passwordHash, status: 'active', fullName: name })
      .where(and(eq(staffUsers.id, invitee.id), eq(staffUsers.status, 'invited')))
      .returning({ id: staffUsers.id });
    // Thrown inside the unit of work, so that nothing of it commits.
    if (!burned || updated.length === 0) throw invalidToken();
    await recordAudit(db, {
      actor: `staff:${invitee.id}`,
      action: 'staff.invitation_accepted',
      subject: invitee.id,
      details: {
        before: { status: 'invited', ...(name !== invitee.fullName ? { fullName: invitee.fullName } : {}) },
        after: { status: 'active', ...(name !== invitee.fullName ? { fullName: name } : {}) },
      },
      ...trace(ctx),
    });
  });
  return { status: 'invitation_accepted', staffId: invitee.id };
}
