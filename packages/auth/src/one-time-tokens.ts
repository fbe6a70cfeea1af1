// Single-use emailed links (password reset, staff invitation): reading a valid one, using it
// up exactly once, and the password check both flows apply before they set a password.
import type { TenantDb } from '@motcua/db';
import { oneTimeTokens } from '@motcua/db/tenant';
import { ValidationError } from '@motcua/domain';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { checkPassword } from './passwords.ts';
import { secretMatches } from './sessions.ts';

type Purpose = (typeof oneTimeTokens.purpose.enumValues)[number];

/** The token's owner when the secret matches and it is unused and unexpired; else undefined. */
export async function findValidToken(
  db: TenantDb,
  { id, secret, purpose }: { id: string; secret: string; purpose: Purpose },
  now: Date,
) {
  const [row] = await db
    .select({
      secretHash: oneTimeTokens.secretHash,
      principalKind: oneTimeTokens.principalKind,
      principalId: oneTimeTokens.principalId,
      expiresAt: oneTimeTokens.expiresAt,
      usedAt: oneTimeTokens.usedAt,
    })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.id, id), eq(oneTimeTokens.purpose, purpose)));
  // A wrong secret leaves the token alone: knowing an id must not let anyone burn a link.
  if (!row || !secretMatches(row.secretHash, secret)) return undefined;
  if (row.usedAt !== null || row.expiresAt.getTime() <= now.getTime()) return undefined;
  return { principalKind: row.principalKind, principalId: row.principalId };
}

/** Marks the token used; false when another request used it first or it has expired. */
export async function burnToken(db: TenantDb, id: string, now: Date): Promise<boolean> {
  // Guarded by used_at and expires_at, so two concurrent uses cannot both win.
  const burned = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.id, id), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .returning({ id: oneTimeTokens.id });
  return burned.length === 1;
}

/** The password policy as field errors on `password`; the link keeps working. */
export function assertAcceptablePassword(password: string, who: { email: string; name: string }): void {
  const problems = checkPassword(password, who);
  if (problems.length > 0) {
    throw new ValidationError(
      'Choose another password.',
      problems.map((p) => ({ path: 'password', code: p.code, message: p.message })),
    );
  }
}
