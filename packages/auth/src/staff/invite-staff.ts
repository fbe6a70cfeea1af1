// Inviting a person to an agency's staff: an `invited` row and a single-use, 7-day link
// (`id.secret`, only SHA-256(secret) stored) emailed to them once the unit of work commits.
import { newId, withTenant } from '@motcua/db';
import { oneTimeTokens, staffRoles, staffUsers } from '@motcua/db/tenant';
import { ConflictError } from '@motcua/domain';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { AuthContext } from '../context.ts';
import { assertCan } from '../permissions.ts';
import { newSessionCredentials } from '../sessions.ts';
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

export interface InvitationEmail {
  to: string;
  subject: string;
  text: string;
}

export interface InviteStaffDeps {
  send(message: InvitationEmail): Promise<void> | void;
  /**
   * Scheme, host and base path of the agency's site, without a trailing slash. The caller
   * takes the host from the resolved tenant, never from the Host header a client chooses.
   */
  linkBase: string;
  /** The agency's name, shown in the email. */
  siteName: string;
}

export function invitationEmail(person: { email: string; fullName: string }, siteName: string, link: string) {
  const days = invitationPolicy.tokenLifetimeMs / 86_400_000;
  return {
    to: person.email,
    subject: `Lời mời tham gia / Invitation – ${siteName}`,
    text: [
      `Xin chào ${person.fullName},`,
      '',
      `Bạn được mời làm cán bộ trên hệ thống một cửa của ${siteName}, với tài khoản ${person.email}.`,
      `Để nhận lời mời, hãy mở liên kết sau trong vòng ${days} ngày và đặt mật khẩu:`,
      '',
      link,
      '',
      'Liên kết chỉ dùng được một lần. Nếu bạn không chờ thư này, hãy bỏ qua nó.',
      '',
      '-----',
      '',
      `Hello ${person.fullName},`,
      '',
      `You have been invited to join the staff of ${siteName} on its one-stop service, as ${person.email}.`,
      `To accept, open this link within ${days} days and choose a password:`,
      '',
      link,
      '',
      'The link works once. If you were not expecting this email, ignore it.',
      '',
    ].join('\n'),
  };
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
    const { id, token, secretHash } = newSessionCredentials();
    await db.insert(oneTimeTokens).values({
      id,
      secretHash,
      purpose: 'invitation',
      principalKind: 'staff',
      principalId: staff.id,
      expiresAt: new Date(now.getTime() + invitationPolicy.tokenLifetimeMs),
      createdAt: now,
    });
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'staff.invited',
      subject: staff.id,
      details: { email, role, unitId: staff.unitId, status: staff.status },
      ...trace(ctx),
    });
    return { staff, token };
  }).catch((error: unknown) => {
    throw isEmailTaken(error) ? taken() : error;
  });
  const link = `${deps.linkBase}/accept-invitation?token=${outcome.token}`;
  // After the commit: a link is never mailed for an invitation that was rolled back.
  await deps.send(invitationEmail(outcome.staff, deps.siteName, link));
  return outcome.staff;
}
