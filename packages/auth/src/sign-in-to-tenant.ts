// Password sign-in on an agency's host, for its staff and its citizens (by email, or by
// mobile number for citizens who registered with one). The answer never
// says whether the account exists; failures are throttled per account and per address in
// PostgreSQL; every attempt leaves an audit row in the same unit of work as its effect.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, staffUsers } from '@motcua/db/tenant';
import { LimitExceededError, UnauthenticatedError } from '@motcua/domain';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from './audit.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { parseTenantSignIn, type SecondFactor, type TenantLogin, wrongCredentials } from './sign-in-input.ts';
import { createTenantSession } from './tenant-sessions.ts';
import { admitAttempt, recordSuccess } from './throttle.ts';

export interface TenantSignInContext {
  database: Database;
  slug: TenantSlug;
  ip?: string;
  requestId?: string;
}

export interface TenantSignInResult {
  token: string;
  expiresAt: Date;
  secondFactor: SecondFactor;
  principal: { kind: 'staff' | 'citizen'; id: string };
}

interface Candidate {
  kind: 'staff' | 'citizen';
  id: string;
  passwordHash: string | null;
  role: string | null;
  totpEnrolled: boolean;
}

async function findCandidate(ctx: TenantSignInContext, login: TenantLogin): Promise<Candidate | undefined> {
  return withTenant(ctx.database, ctx.slug, async (db) => {
    if (login.phone !== undefined) {
      // Only citizens sign in by phone; staff accounts are email accounts.
      const [citizen] = await db
        .select({ id: citizens.id, passwordHash: citizens.passwordHash })
        .from(citizens)
        .where(eq(citizens.phone, login.phone));
      return citizen ? { kind: 'citizen' as const, role: null, totpEnrolled: false, ...citizen } : undefined;
    }
    const { email } = login;
    const [staff] = await db
      .select({
        id: staffUsers.id,
        passwordHash: staffUsers.passwordHash,
        role: staffUsers.role,
        status: staffUsers.status,
        totpEnrolledAt: staffUsers.totpEnrolledAt,
      })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = lower(${email})`);
    if (staff && staff.status !== 'disabled') {
      return {
        kind: 'staff' as const,
        id: staff.id,
        passwordHash: staff.passwordHash,
        role: staff.role,
        totpEnrolled: staff.totpEnrolledAt !== null,
      };
    }
    const [citizen] = await db
      .select({ id: citizens.id, passwordHash: citizens.passwordHash })
      .from(citizens)
      .where(sql`lower(${citizens.email}) = lower(${email})`);
    return citizen ? { kind: 'citizen' as const, role: null, totpEnrolled: false, ...citizen } : undefined;
  });
}

/** Agency admins must use a second factor; other staff and citizens may not have one yet. */
function secondFactorFor(candidate: Candidate): SecondFactor {
  if (candidate.kind !== 'staff' || candidate.role !== 'admin') return 'none';
  return candidate.totpEnrolled ? 'required' : 'enrolment_required';
}

export async function signInToTenant(ctx: TenantSignInContext, input: unknown): Promise<TenantSignInResult> {
  const { login, name, password } = parseTenantSignIn(input);
  const scope = { realm: 'tenant' as const, database: ctx.database, slug: ctx.slug };
  const attempt = { email: name, ...(ctx.ip ? { ip: ctx.ip } : {}) };
  // Counted as a failure from here until the password proves right.
  const throttle = await admitAttempt(scope, attempt);
  if (!throttle.allowed) {
    throw new LimitExceededError(
      'Too many failed sign-ins. Wait a moment and try again.',
      throttle.retryAfterSeconds,
    );
  }
  const candidate = await findCandidate(ctx, login);
  const valid = candidate?.passwordHash
    ? await verifyPassword(candidate.passwordHash, password)
    : await verifyAgainstDummy(password);
  const audit = { requestId: ctx.requestId, ip: ctx.ip };
  if (!candidate || !valid) {
    await withTenant(ctx.database, ctx.slug, (db) =>
      recordAudit(db, {
        actor: candidate ? `${candidate.kind}:${candidate.id}` : 'anonymous',
        action: 'auth.sign_in_failed',
        ...(candidate ? { subject: candidate.id } : {}),
        ...audit,
      }),
    );
    throw new UnauthenticatedError(wrongCredentials);
  }
  await recordSuccess(scope, attempt);
  const secondFactor = secondFactorFor(candidate);
  const { token, session } = await createTenantSession(ctx.database, ctx.slug, {
    kind: candidate.kind,
    principalId: candidate.id,
    twoFactorVerified: secondFactor === 'none',
  });
  await withTenant(ctx.database, ctx.slug, (db) =>
    recordAudit(db, {
      actor: `${candidate.kind}:${candidate.id}`,
      action: 'auth.sign_in',
      subject: candidate.id,
      details: { secondFactor },
      ...audit,
    }),
  );
  return {
    token,
    expiresAt: session.expiresAt,
    secondFactor,
    principal: { kind: candidate.kind, id: candidate.id },
  };
}
