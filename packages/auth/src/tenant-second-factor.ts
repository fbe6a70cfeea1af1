// The second factor on an agency's host: agency admins enrol a TOTP authenticator and enter
// a code after their password. Wrong codes count as failed sign-ins of the account.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import {
  LimitExceededError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from '@motcua/domain';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { recordAudit } from './audit.ts';
import { sealedColumns } from './sealed-columns.ts';
import {
  markTwoFactorVerified,
  type TenantSessionValidation,
  validateTenantSession,
} from './tenant-sessions.ts';
import { admitAttempt, recordSuccess } from './throttle.ts';
import { createTotpSecret, matchTotpStep, totpUri } from './totp.ts';

export interface SecondFactorContext {
  database: Database;
  slug: TenantSlug;
  /** The session token from the cookie; its second factor is still pending. */
  token: unknown;
  ip?: string;
  requestId?: string;
}

async function pendingStaffSession(ctx: SecondFactorContext): Promise<TenantSessionValidation> {
  const validation = await validateTenantSession(ctx.database, ctx.slug, ctx.token);
  if (validation?.principal.kind !== 'staff') {
    throw new UnauthenticatedError('Sign in with your password first.');
  }
  return validation;
}

function parseCode(code: unknown): string {
  if (typeof code === 'string' && /^\d{6}$/.test(code.trim())) return code.trim();
  throw new ValidationError('Enter the 6-digit code from your authenticator app.', [
    { path: 'code', message: 'six digits' },
  ]);
}

/**
 * The account's TOTP secret, opened; one stored in clear (from before sealing) or under a
 * rotated-out key is sealed again in the same unit of work.
 */
async function loadTotpSecret(ctx: SecondFactorContext, staffId: string): Promise<string> {
  const { secrets } = ctx.database;
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db
      .select({ secret: staffUsers.totpSecret })
      .from(staffUsers)
      .where(eq(staffUsers.id, staffId));
    if (!row?.secret) {
      throw new PreconditionFailedError(
        'No authenticator is set up for this account.',
        undefined,
        'totp_not_enrolled',
      );
    }
    const opened = secrets.open(sealedColumns.staffTotpSecret, row.secret);
    if (opened.stale) {
      await db
        .update(staffUsers)
        .set({ totpSecret: secrets.seal(sealedColumns.staffTotpSecret, opened.value) })
        .where(and(eq(staffUsers.id, staffId), eq(staffUsers.totpSecret, row.secret)));
    }
    return opened.value;
  });
}

/** Checks a code against the stored secret, throttled like a password. */
async function checkCode(ctx: SecondFactorContext, validation: TenantSessionValidation, code: string) {
  const principal = validation.principal;
  if (principal.kind !== 'staff') throw new UnauthenticatedError('Sign in with your password first.');
  const scope = { realm: 'tenant' as const, database: ctx.database, slug: ctx.slug };
  const attempt = { email: principal.email, ...(ctx.ip ? { ip: ctx.ip } : {}) };
  const secret = await loadTotpSecret(ctx, principal.id);
  // Counted as a failure from here until the code proves right.
  const throttle = await admitAttempt(scope, attempt);
  if (!throttle.allowed) {
    throw new LimitExceededError(
      'Too many wrong codes. Wait a moment and try again.',
      throttle.retryAfterSeconds,
    );
  }
  const step = matchTotpStep(secret, code);
  // A code is accepted once: one already used (or older) counts as wrong.
  const fresh =
    step !== null &&
    (await withTenant(ctx.database, ctx.slug, async (db) => {
      const claimed = await db
        .update(staffUsers)
        .set({ totpLastStep: step })
        .where(
          and(
            eq(staffUsers.id, principal.id),
            or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
          ),
        )
        .returning({ id: staffUsers.id });
      return claimed.length === 1;
    }));
  if (!fresh) {
    await withTenant(ctx.database, ctx.slug, (db) =>
      recordAudit(db, {
        actor: `staff:${principal.id}`,
        action: 'auth.totp_failed',
        subject: principal.id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      }),
    );
    throw new UnauthenticatedError('The code is not correct.', undefined, 'wrong_code');
  }
  await recordSuccess(scope, attempt);
}

/** Completes a sign-in whose second factor is pending. */
export async function verifyTenantSecondFactor(ctx: SecondFactorContext, input: { code?: unknown }) {
  const code = parseCode(input.code);
  const validation = await pendingStaffSession(ctx);
  await checkCode(ctx, validation, code);
  await markTwoFactorVerified(ctx.database, ctx.slug, validation.session.id);
  await withTenant(ctx.database, ctx.slug, (db) =>
    recordAudit(db, {
      actor: `staff:${validation.principal.id}`,
      action: 'auth.totp_verified',
      subject: validation.principal.id,
      requestId: ctx.requestId,
      ip: ctx.ip,
    }),
  );
}

/** Starts enrolment: a fresh secret, stored but not active until a code confirms it. */
export async function beginTotpEnrolment(ctx: SecondFactorContext, issuer: string) {
  const validation = await pendingStaffSession(ctx);
  const principal = validation.principal;
  if (principal.kind !== 'staff') throw new UnauthenticatedError('Sign in with your password first.');
  if (principal.totpEnrolledAt) {
    throw new PreconditionFailedError(
      'An authenticator is already set up.',
      undefined,
      'totp_already_enrolled',
    );
  }
  const secret = createTotpSecret();
  const sealed = ctx.database.secrets.seal(sealedColumns.staffTotpSecret, secret);
  await withTenant(ctx.database, ctx.slug, (db) =>
    db.update(staffUsers).set({ totpSecret: sealed }).where(eq(staffUsers.id, principal.id)),
  );
  return { secret, uri: totpUri({ secret, account: principal.email, issuer }) };
}

/** Confirms enrolment with a first code; the session counts as second-factor verified. */
export async function confirmTotpEnrolment(ctx: SecondFactorContext, input: { code?: unknown }) {
  const code = parseCode(input.code);
  const validation = await pendingStaffSession(ctx);
  if (validation.principal.kind === 'staff' && validation.principal.totpEnrolledAt) {
    throw new PreconditionFailedError(
      'An authenticator is already set up.',
      undefined,
      'totp_already_enrolled',
    );
  }
  await checkCode(ctx, validation, code);
  await withTenant(ctx.database, ctx.slug, async (db) => {
    await db
      .update(staffUsers)
      .set({ totpEnrolledAt: new Date() })
      .where(eq(staffUsers.id, validation.principal.id));
    await recordAudit(db, {
      actor: `staff:${validation.principal.id}`,
      action: 'auth.totp_enrolled',
      subject: validation.principal.id,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
  });
  await markTwoFactorVerified(ctx.database, ctx.slug, validation.session.id);
}
