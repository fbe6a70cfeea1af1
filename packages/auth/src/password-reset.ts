// Password reset by a single-use, 30-minute link sent by email, for an agency's staff and
// citizens. Asking answers the same whether or not the account exists; the link carries
// `id.secret`, of which only SHA-256(secret) is stored; using it sets the password, ends every
// session of the person and burns the link, in one unit of work.
import { type Database, type TenantDb, type TenantSlug, withTenant } from '@motcua/db';
import {
  citizens,
  oneTimeTokens,
  type PrincipalKind,
  sessions,
  signInThrottles,
  staffUsers,
} from '@motcua/db/tenant';
import { LimitExceededError, ValidationError } from '@motcua/domain';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from './audit.ts';
import { queueEmailedToken } from './emailed-tokens.ts';
import { assertAcceptablePassword, burnToken, findValidToken } from './one-time-tokens.ts';
import { hashPassword } from './passwords.ts';
import { parseSessionToken } from './sessions.ts';
import { accountKey, addressKey } from './throttle-keys.ts';

const minute = 60_000;

export const passwordResetPolicy = {
  tokenLifetimeMs: 30 * minute,
  /** Requests counted per window before 429. */
  windowMs: 60 * minute,
  /** Per typed address: enough for "it did not arrive", too few to flood someone's inbox. */
  perAccount: 3,
  /** Per client address: a ward office behind one NAT may ask for several people. */
  perAddress: 20,
} as const;

export interface PasswordResetRequestContext {
  database: Database;
  slug: TenantSlug;
  /** The agency's name, shown in the email. */
  siteName: string;
  /**
   * Scheme, host and port of the agency's site. The caller must not take the host from the
   * request unchecked: a forged Host header would mail the victim a link to the attacker.
   */
  origin: string;
  /** '' on the agency's own host, '/t/<slug>' on the path fallback. */
  basePath: string;
  requestId?: string;
  ip?: string;
}

export type PasswordResetConfirmContext = Pick<
  PasswordResetRequestContext,
  'database' | 'slug' | 'requestId' | 'ip'
>;

export const passwordResetRequestInput = z.object({ email: z.email().max(254) });
export const passwordResetConfirmInput = z.object({
  token: z.string().max(200),
  password: z.string().max(1024),
});

export const invalidOrExpiredToken = 'invalid_or_expired_token';

function invalidToken(): ValidationError {
  return new ValidationError(
    'This password reset link is invalid, already used or expired. Ask for a new one.',
    undefined,
    invalidOrExpiredToken,
  );
}

function parse<T>(schema: z.ZodType<T>, input: unknown, message: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    message,
    result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

type Row = Record<string, unknown>;

/**
 * Counts this request against the typed address and the client, in one upsert. Its own keys
 * (`reset:` prefix) share the sign-in throttle table but never its locks; for them
 * `updated_at` is the start of the current window. Returns the wait when over the limit.
 */
async function countRequest(db: TenantDb, email: string, ip: string | undefined, now: Date) {
  const address = ip ? addressKey(ip) : null;
  const limits = new Map<string, number>([[`reset:${accountKey(email)}`, passwordResetPolicy.perAccount]]);
  if (address) limits.set(`reset:${address}`, passwordResetPolicy.perAddress);
  // Sorted so that concurrent upserts lock rows in one order.
  const keys = [...limits.keys()].sort();
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - passwordResetPolicy.windowMs).toISOString();
  const expired = sql`t.updated_at <= ${cutoff}::timestamptz`;
  const rows = await db.execute<Row>(sql`insert into ${signInThrottles} as t (key, failures, updated_at)
    values ${sql.join(
      keys.map((key) => sql`(${key}, 1, ${at}::timestamptz)`),
      sql`, `,
    )}
    on conflict (key) do update set
      failures = case when ${expired} then 1 else t.failures + 1 end,
      updated_at = case when ${expired} then ${at}::timestamptz else t.updated_at end
    returning key, failures, updated_at`);
  let waitMs = 0;
  for (const row of rows) {
    if (Number(row.failures) <= (limits.get(String(row.key)) ?? 0)) continue;
    const windowEnd = new Date(row.updated_at as string | Date).getTime() + passwordResetPolicy.windowMs;
    waitMs = Math.max(waitMs, windowEnd - now.getTime());
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

interface Account {
  kind: PrincipalKind;
  id: string;
  email: string;
  fullName: string;
}

/** Staff first, as at sign-in; disabled staff cannot come back through a reset. */
async function findAccount(db: TenantDb, email: string): Promise<Account | undefined> {
  const [staff] = await db
    .select({ id: staffUsers.id, email: staffUsers.email, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(and(sql`lower(${staffUsers.email}) = lower(${email})`, ne(staffUsers.status, 'disabled')));
  if (staff) return { kind: 'staff', ...staff };
  // Citizens without a password (national identity sign-in only) may set one this way.
  const [citizen] = await db
    .select({ id: citizens.id, email: citizens.email, fullName: citizens.fullName })
    .from(citizens)
    .where(sql`lower(${citizens.email}) = lower(${email})`);
  return citizen?.email ? { kind: 'citizen', ...citizen, email: citizen.email } : undefined;
}

/**
 * Asks for a reset link. Resolves `{ status: 'sent_if_exists' }` whatever the address, after
 * the same unit of work (count, look up, audit row); only for an account does it also store
 * a token, drop that person's earlier unused links, and queue the email in the outbox, in that
 * same unit of work (the worker sends it, and again after an SMTP outage).
 */
export async function requestPasswordReset(
  ctx: PasswordResetRequestContext,
  input: unknown,
  now: Date = new Date(),
): Promise<{ status: 'sent_if_exists' }> {
  const { email } = parse(passwordResetRequestInput, input, 'Enter an email address.');
  const outcome = await withTenant(ctx.database, ctx.slug, async (db) => {
    const retryAfterSeconds = await countRequest(db, email, ctx.ip, now);
    if (retryAfterSeconds > 0) return { retryAfterSeconds };
    const account = await findAccount(db, email);
    const audit = { actor: 'anonymous', action: 'auth.password_reset_requested', ...trace(ctx) };
    if (!account) {
      await recordAudit(db, audit);
      return { queued: false };
    }
    // The stored address, not the typed one: a look-alike the lookup matched is not mailed.
    await queueEmailedToken(db, {
      purpose: 'password_reset',
      principal: { kind: account.kind, id: account.id },
      to: account.email,
      fullName: account.fullName,
      site: { name: ctx.siteName, url: `${ctx.origin}${ctx.basePath}` },
      lifetimeMs: passwordResetPolicy.tokenLifetimeMs,
      now,
    });
    await recordAudit(db, { ...audit, subject: account.id, details: { principalKind: account.kind } });
    return { queued: true };
  });
  if ('retryAfterSeconds' in outcome) {
    throw new LimitExceededError(
      'Too many password reset requests. Wait a while and try again.',
      outcome.retryAfterSeconds,
    );
  }
  return { status: 'sent_if_exists' };
}

function trace(ctx: { requestId?: string | undefined; ip?: string | undefined }) {
  return { requestId: ctx.requestId ?? null, ip: ctx.ip ?? null };
}

interface Claim {
  kind: PrincipalKind;
  id: string;
  email: string;
  fullName: string;
}

/** The account behind a usable token, or undefined: unknown id, wrong secret, used, expired, disabled. */
async function readToken(
  db: TenantDb,
  tokenId: string,
  secret: string,
  now: Date,
): Promise<Claim | undefined> {
  const row = await findValidToken(db, { id: tokenId, secret, purpose: 'password_reset' }, now);
  if (!row) return undefined;
  if (row.principalKind === 'staff') {
    const [staff] = await db
      .select({ email: staffUsers.email, fullName: staffUsers.fullName, status: staffUsers.status })
      .from(staffUsers)
      .where(eq(staffUsers.id, row.principalId));
    if (!staff || staff.status === 'disabled') return undefined;
    return { kind: 'staff', id: row.principalId, email: staff.email, fullName: staff.fullName };
  }
  const [citizen] = await db
    .select({ email: citizens.email, fullName: citizens.fullName })
    .from(citizens)
    .where(eq(citizens.id, row.principalId));
  if (!citizen) return undefined;
  return { kind: 'citizen', id: row.principalId, email: citizen.email ?? '', fullName: citizen.fullName };
}

/**
 * Uses a reset link: checks the token, then the new password against the policy (field
 * errors, and the link still works), then in one unit of work burns the token, sets the
 * password, ends every session of the person, clears their sign-in lock and writes the audit
 * row. A forged, used or expired token is one `invalid_or_expired_token` error.
 */
export async function confirmPasswordReset(
  ctx: PasswordResetConfirmContext,
  input: unknown,
  now: Date = new Date(),
): Promise<{ status: 'password_reset'; principal: { kind: PrincipalKind; id: string } }> {
  const { token, password } = parse(
    passwordResetConfirmInput,
    input,
    'Send the token from the link and a new password.',
  );
  const parsed = parseSessionToken(token);
  if (!parsed) throw invalidToken();
  const claim = await withTenant(ctx.database, ctx.slug, (db) =>
    readToken(db, parsed.id, parsed.secret, now),
  );
  if (!claim) throw invalidToken();
  assertAcceptablePassword(password, { email: claim.email, name: claim.fullName });
  // Hashed outside the unit of work: argon2 is slow and needs no rows locked.
  const passwordHash = await hashPassword(password);
  await withTenant(ctx.database, ctx.slug, async (db) => {
    const burned = await burnToken(db, parsed.id, now);
    const updated =
      claim.kind === 'staff'
        ? await db
            .update(staffUsers)
            .set({ passwordHash })
            .where(and(eq(staffUsers.id, claim.id), ne(staffUsers.status, 'disabled')))
            .returning({ id: staffUsers.id })
        : await db
            .update(citizens)
            .set({ passwordHash })
            .where(eq(citizens.id, claim.id))
            .returning({ id: citizens.id });
    // Thrown inside the unit of work, so that nothing of it commits.
    if (!burned || updated.length === 0) throw invalidToken();
    await db
      .delete(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.purpose, 'password_reset'),
          eq(oneTimeTokens.principalKind, claim.kind),
          eq(oneTimeTokens.principalId, claim.id),
          isNull(oneTimeTokens.usedAt),
        ),
      );
    const ended = await db
      .delete(sessions)
      .where(and(eq(sessions.principalKind, claim.kind), eq(sessions.principalId, claim.id)))
      .returning({ id: sessions.id });
    // Whoever guessed at the old password locked the account; its owner has just proved who they are.
    await db.delete(signInThrottles).where(eq(signInThrottles.key, accountKey(claim.email)));
    await recordAudit(db, {
      actor: `${claim.kind}:${claim.id}`,
      action: 'auth.password_reset',
      subject: claim.id,
      details: { sessionsEnded: ended.length },
      ...trace(ctx),
    });
  });
  return { status: 'password_reset', principal: { kind: claim.kind, id: claim.id } };
}
