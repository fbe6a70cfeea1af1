// Single-use links that travel by email (staff invitations, password resets) go through the
// outbox, written in the unit of work that creates their token, so that a link is mailed if and
// only if its token was committed, and an SMTP outage delays the email instead of losing it.
//
// Decision: the outbox row holds the token's id, never its secret. The token is created with the
// hash of a secret nobody keeps, so it cannot be used until the worker, about to send the email,
// gives it a fresh secret (issueEmailedToken) and puts `id.secret` in the link. The secret thus
// exists only in the email and, as SHA-256, in the token row; a copy of the outbox (a backup, an
// export, a support query) holds no usable link, and no key has to be shared with the worker.
// A resend after a crash issues another secret, so the newest copy of the email is the one that
// works; the Message-ID changes with it (see services/worker).
import { type Database, type TenantDb, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, oneTimeTokens, outbox, type PrincipalKind, staffUsers } from '@motcua/db/tenant';
import { and, eq, isNull } from 'drizzle-orm';
import { generateId, generateSecret, hashSecret } from './tokens.ts';

export type EmailedTokenPurpose = 'invitation' | 'password_reset';

const templates = {
  invitation: 'staff.invitation',
  password_reset: 'auth.password_reset',
} as const satisfies Record<EmailedTokenPurpose, string>;

export interface EmailedTokenRequest {
  purpose: EmailedTokenPurpose;
  principal: { kind: PrincipalKind; id: string };
  /** The stored address of the person, never one a client typed. */
  to: string;
  fullName: string;
  /** The agency's name and its site (scheme, host and base path, no trailing slash). */
  site: { name: string; url: string };
  /** How long the link works once sent. */
  lifetimeMs: number;
  now: Date;
}

/**
 * Inside the caller's unit of work: drops the person's earlier unused links of this purpose
 * (only the newest works: an older one may sit in a mailbox someone else reads), creates the
 * token, unusable until it is sent, and queues the email that will carry it.
 */
export async function queueEmailedToken(
  db: TenantDb,
  request: EmailedTokenRequest,
): Promise<{ tokenId: string }> {
  const { purpose, principal, now } = request;
  await db
    .delete(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.purpose, purpose),
        eq(oneTimeTokens.principalKind, principal.kind),
        eq(oneTimeTokens.principalId, principal.id),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  const tokenId = generateId();
  await db.insert(oneTimeTokens).values({
    id: tokenId,
    // The hash of a secret thrown away at once: no link works before the worker issues one.
    secretHash: hashSecret(generateSecret()),
    purpose,
    principalKind: principal.kind,
    principalId: principal.id,
    expiresAt: new Date(now.getTime() + request.lifetimeMs),
    createdAt: now,
  });
  await db.insert(outbox).values({
    kind: 'email',
    dedupeKey: `${purpose}:${tokenId}`,
    payload: {
      template: templates[purpose],
      to: request.to,
      data: {
        fullName: request.fullName,
        siteName: request.site.name,
        siteUrl: request.site.url,
        tokenId,
        validForMinutes: Math.round(request.lifetimeMs / 60_000),
      },
    },
  });
  return { tokenId };
}

/** True while the person can still use a link of this purpose. */
async function isStillWanted(
  db: TenantDb,
  row: { purpose: EmailedTokenPurpose; principalKind: PrincipalKind; principalId: string },
): Promise<boolean> {
  if (row.principalKind === 'staff') {
    const [staff] = await db
      .select({ status: staffUsers.status })
      .from(staffUsers)
      .where(eq(staffUsers.id, row.principalId));
    if (!staff) return false;
    // An invitation is for someone who has not accepted yet; a reset for anyone not disabled.
    return row.purpose === 'invitation' ? staff.status === 'invited' : staff.status !== 'disabled';
  }
  if (row.purpose === 'invitation') return false;
  const [citizen] = await db
    .select({ id: citizens.id })
    .from(citizens)
    .where(eq(citizens.id, row.principalId));
  return citizen !== undefined;
}

export interface IssuedToken {
  /** `id.secret`, for the link; never stored. */
  token: string;
  /** A short digest of this issue (not of the secret's value alone): a resend's new version. */
  version: string;
}

/**
 * For the worker, about to send the email: gives the token a fresh secret and starts its
 * lifetime now. Null when the email must not go out: the token was replaced by a newer one,
 * used, or the person no longer needs it (accepted, disabled, removed).
 */
export async function issueEmailedToken(
  database: Database,
  slug: TenantSlug,
  { tokenId, validForMinutes }: { tokenId: string; validForMinutes: number },
  now: Date = new Date(),
): Promise<IssuedToken | null> {
  return withTenant(database, slug, async (db) => {
    const [row] = await db
      .select({
        purpose: oneTimeTokens.purpose,
        principalKind: oneTimeTokens.principalKind,
        principalId: oneTimeTokens.principalId,
      })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.id, tokenId), isNull(oneTimeTokens.usedAt)))
      .for('update');
    if (!row || !(await isStillWanted(db, row))) return null;
    const secret = generateSecret();
    const secretHash = hashSecret(secret);
    await db
      .update(oneTimeTokens)
      .set({ secretHash, expiresAt: new Date(now.getTime() + validForMinutes * 60_000) })
      .where(and(eq(oneTimeTokens.id, tokenId), isNull(oneTimeTokens.usedAt)));
    return { token: `${tokenId}.${secret}`, version: Buffer.from(secretHash.slice(0, 8)).toString('hex') };
  });
}
