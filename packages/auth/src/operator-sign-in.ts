// Operator sign-in on the platform host: password, then a TOTP code (operators must enrol a
// second factor). Failures are throttled in platform.sign_in_throttles and audited in
// platform.audit; the answer never says whether the account exists.
import { type Database, newId } from '@motcua/db';
import { operators, platformAudit } from '@motcua/db/platform';
import {
  LimitExceededError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from '@motcua/domain';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import {
  createOperatorSession,
  markOperatorTwoFactorVerified,
  type OperatorSessionValidation,
  validateOperatorSession,
} from './operator-sessions.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { sealedColumns } from './sealed-columns.ts';
import { parseSignIn, type SecondFactor, wrongCredentials } from './sign-in-input.ts';
import { admitAttempt, recordSuccess } from './throttle.ts';
import { createTotpSecret, matchTotpStep, totpUri } from './totp.ts';

export interface OperatorAuthContext {
  database: Database;
  ip?: string;
  requestId?: string;
}

async function audit(
  ctx: OperatorAuthContext,
  actor: string,
  action: string,
  details?: Record<string, unknown>,
) {
  await ctx.database.platform.insert(platformAudit).values({
    actor,
    action,
    requestId: ctx.requestId ?? null,
    details: { ...(details ?? {}), ...(ctx.ip ? { ip: ctx.ip } : {}) },
  });
}

export async function signInOperator(ctx: OperatorAuthContext, input: unknown) {
  const { email, password } = parseSignIn(input);
  const scope = { realm: 'operator' as const, database: ctx.database };
  const attempt = { email, ...(ctx.ip ? { ip: ctx.ip } : {}) };
  // Counted as a failure from here until the secret proves right.
  const throttle = await admitAttempt(scope, attempt);
  if (!throttle.allowed) {
    throw new LimitExceededError(
      'Too many failed sign-ins. Wait a moment and try again.',
      throttle.retryAfterSeconds,
    );
  }
  const [operator] = await ctx.database.platform
    .select({
      id: operators.id,
      passwordHash: operators.passwordHash,
      totpEnrolledAt: operators.totpEnrolledAt,
    })
    .from(operators)
    .where(sql`lower(${operators.email}) = lower(${email})`);
  const valid = operator?.passwordHash
    ? await verifyPassword(operator.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!operator || !valid) {
    await audit(ctx, operator ? `operator:${operator.id}` : 'anonymous', 'ops.sign_in_failed');
    throw new UnauthenticatedError(wrongCredentials);
  }
  await recordSuccess(scope, attempt);
  const secondFactor: SecondFactor = operator.totpEnrolledAt ? 'required' : 'enrolment_required';
  const { token, session } = await createOperatorSession(ctx.database, { operatorId: operator.id });
  await audit(ctx, `operator:${operator.id}`, 'ops.sign_in', { secondFactor });
  return { token, expiresAt: session.expiresAt, secondFactor, operatorId: operator.id };
}

async function pending(ctx: OperatorAuthContext, token: unknown): Promise<OperatorSessionValidation> {
  const validation = await validateOperatorSession(ctx.database, token);
  if (!validation) throw new UnauthenticatedError('Sign in with your password first.');
  return validation;
}

function parseCode(code: unknown): string {
  if (typeof code === 'string' && /^\d{6}$/.test(code.trim())) return code.trim();
  throw new ValidationError('Enter the 6-digit code from your authenticator app.', [
    { path: 'code', message: 'six digits' },
  ]);
}

/**
 * The operator's TOTP secret, opened; one stored in clear (from before sealing) or under a
 * rotated-out key is sealed again in the same transaction.
 */
async function loadTotpSecret(database: Database, operatorId: string): Promise<string> {
  return database.platform.transaction(async (tx) => {
    const [row] = await tx
      .select({ secret: operators.totpSecret })
      .from(operators)
      .where(eq(operators.id, operatorId));
    if (!row?.secret) {
      throw new PreconditionFailedError(
        'No authenticator is set up for this account.',
        undefined,
        'totp_not_enrolled',
      );
    }
    const opened = database.secrets.open(sealedColumns.operatorTotpSecret, row.secret);
    if (opened.stale) {
      await tx
        .update(operators)
        .set({ totpSecret: database.secrets.seal(sealedColumns.operatorTotpSecret, opened.value) })
        .where(and(eq(operators.id, operatorId), eq(operators.totpSecret, row.secret)));
    }
    return opened.value;
  });
}

async function checkCode(ctx: OperatorAuthContext, validation: OperatorSessionValidation, code: string) {
  const scope = { realm: 'operator' as const, database: ctx.database };
  const attempt = { email: validation.operator.email, ...(ctx.ip ? { ip: ctx.ip } : {}) };
  const secret = await loadTotpSecret(ctx.database, validation.operator.id);
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
  const claimed =
    step === null
      ? []
      : await ctx.database.platform
          .update(operators)
          .set({ totpLastStep: step })
          .where(
            and(
              eq(operators.id, validation.operator.id),
              or(isNull(operators.totpLastStep), lt(operators.totpLastStep, step)),
            ),
          )
          .returning({ id: operators.id });
  if (claimed.length !== 1) {
    await audit(ctx, `operator:${validation.operator.id}`, 'ops.totp_failed');
    throw new UnauthenticatedError('The code is not correct.', undefined, 'wrong_code');
  }
  await recordSuccess(scope, attempt);
}

export async function verifyOperatorSecondFactor(
  ctx: OperatorAuthContext,
  token: unknown,
  input: { code?: unknown },
) {
  const code = parseCode(input.code);
  const validation = await pending(ctx, token);
  await checkCode(ctx, validation, code);
  await markOperatorTwoFactorVerified(ctx.database, validation.session.id);
  await audit(ctx, `operator:${validation.operator.id}`, 'ops.totp_verified');
}

export async function beginOperatorTotpEnrolment(ctx: OperatorAuthContext, token: unknown) {
  const validation = await pending(ctx, token);
  if (validation.operator.totpEnrolledAt) {
    throw new PreconditionFailedError(
      'An authenticator is already set up.',
      undefined,
      'totp_already_enrolled',
    );
  }
  const secret = createTotpSecret();
  await ctx.database.platform
    .update(operators)
    .set({ totpSecret: ctx.database.secrets.seal(sealedColumns.operatorTotpSecret, secret) })
    .where(eq(operators.id, validation.operator.id));
  return { secret, uri: totpUri({ secret, account: validation.operator.email, issuer: 'Motcua operators' }) };
}

export async function confirmOperatorTotpEnrolment(
  ctx: OperatorAuthContext,
  token: unknown,
  input: { code?: unknown },
) {
  const code = parseCode(input.code);
  const validation = await pending(ctx, token);
  if (validation.operator.totpEnrolledAt) {
    throw new PreconditionFailedError(
      'An authenticator is already set up.',
      undefined,
      'totp_already_enrolled',
    );
  }
  await checkCode(ctx, validation, code);
  await ctx.database.platform
    .update(operators)
    .set({ totpEnrolledAt: new Date() })
    .where(eq(operators.id, validation.operator.id));
  await markOperatorTwoFactorVerified(ctx.database, validation.session.id);
  await audit(ctx, `operator:${validation.operator.id}`, 'ops.totp_enrolled');
}

/** Creates or updates an operator account (launcher demo data, first setup). */
export async function upsertOperator(
  database: Database,
  input: {
    email: string;
    fullName: string;
    role: 'owner' | 'operator' | 'billing' | 'support';
    password: string;
    totpSecret?: string;
  },
) {
  const passwordHash = await hashPassword(input.password);
  const totp = input.totpSecret
    ? {
        totpSecret: database.secrets.seal(sealedColumns.operatorTotpSecret, input.totpSecret),
        totpEnrolledAt: new Date(),
      }
    : {};
  const [row] = await database.platform
    .insert(operators)
    .values({
      id: newId('opr'),
      email: input.email.toLowerCase(),
      fullName: input.fullName,
      role: input.role,
      passwordHash,
      ...totp,
    })
    .onConflictDoUpdate({
      target: operators.email,
      set: { fullName: input.fullName, role: input.role, passwordHash, ...totp },
    })
    .returning({ id: operators.id });
  return row?.id;
}
