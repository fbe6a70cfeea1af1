// Operator sessions, in the platform schema: the same design as tenant sessions, in a realm
// of its own, so a tenant token is never an operator token (it is not in this table).
import type { Database } from '@motcua/db';
import { type Operator, operatorSessions, operators } from '@motcua/db/platform';
import { and, eq, lt } from 'drizzle-orm';
import {
  isSessionExpired,
  needsRefresh,
  newSessionCredentials,
  parseSessionToken,
  refreshCutoff,
  secretMatches,
  sessionExpiresAt,
  sessionPolicies,
} from './sessions.ts';

const policy = sessionPolicies.operator;

export interface OperatorSession {
  id: string;
  operatorId: string;
  twoFactorVerified: boolean;
  createdAt: Date;
  lastVerifiedAt: Date;
  expiresAt: Date;
}

/** The signed-in operator, without password hash or TOTP secret. */
export type OperatorPrincipal = Omit<Operator, 'passwordHash' | 'totpSecret' | 'totpLastStep'>;

export interface OperatorSessionValidation {
  session: OperatorSession;
  operator: OperatorPrincipal;
  /** True when this validation moved `lastVerifiedAt`: the moment to re-send the cookie. */
  refreshed: boolean;
}

function toSession(
  row: { id: string; operatorId: string; twoFactorVerified: boolean; createdAt: Date },
  lastVerifiedAt: Date,
): OperatorSession {
  return {
    id: row.id,
    operatorId: row.operatorId,
    twoFactorVerified: row.twoFactorVerified,
    createdAt: row.createdAt,
    lastVerifiedAt,
    expiresAt: sessionExpiresAt(lastVerifiedAt, policy),
  };
}

export async function createOperatorSession(
  database: Database,
  { operatorId, twoFactorVerified = false }: { operatorId: string; twoFactorVerified?: boolean },
  now: Date = new Date(),
): Promise<{ token: string; session: OperatorSession }> {
  const { id, token, secretHash } = newSessionCredentials();
  const row = { id, operatorId, twoFactorVerified, createdAt: now };
  await database.platform.insert(operatorSessions).values({ ...row, secretHash, lastVerifiedAt: now });
  return { token, session: toSession(row, now) };
}

/** The session and operator behind a token, or null; see validateTenantSession for the rules. */
export async function validateOperatorSession(
  database: Database,
  token: unknown,
  now: Date = new Date(),
): Promise<OperatorSessionValidation | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const db = database.platform;
  const [row] = await db
    .select({
      session: {
        id: operatorSessions.id,
        secretHash: operatorSessions.secretHash,
        operatorId: operatorSessions.operatorId,
        twoFactorVerified: operatorSessions.twoFactorVerified,
        createdAt: operatorSessions.createdAt,
        lastVerifiedAt: operatorSessions.lastVerifiedAt,
      },
      operator: {
        id: operators.id,
        email: operators.email,
        fullName: operators.fullName,
        role: operators.role,
        totpEnrolledAt: operators.totpEnrolledAt,
        createdAt: operators.createdAt,
      },
    })
    .from(operatorSessions)
    // Inner join: the foreign key cascades, so a session without its operator cannot exist.
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(eq(operatorSessions.id, parsed.id));
  if (!row || !secretMatches(row.session.secretHash, parsed.secret)) return null;
  const { session, operator } = row;

  if (isSessionExpired(session.lastVerifiedAt, policy, now)) {
    await db.delete(operatorSessions).where(eq(operatorSessions.id, session.id));
    return null;
  }
  let lastVerifiedAt = session.lastVerifiedAt;
  const refreshed = needsRefresh(lastVerifiedAt, policy, now);
  if (refreshed) {
    await db
      .update(operatorSessions)
      .set({ lastVerifiedAt: now })
      .where(
        and(
          eq(operatorSessions.id, session.id),
          lt(operatorSessions.lastVerifiedAt, refreshCutoff(policy, now)),
        ),
      );
    lastVerifiedAt = now;
  }
  return { session: toSession(session, lastVerifiedAt), operator, refreshed };
}

export async function markOperatorTwoFactorVerified(database: Database, sessionId: string): Promise<boolean> {
  const rows = await database.platform
    .update(operatorSessions)
    .set({ twoFactorVerified: true })
    .where(eq(operatorSessions.id, sessionId))
    .returning({ id: operatorSessions.id });
  return rows.length > 0;
}

export async function invalidateOperatorSession(database: Database, sessionId: string): Promise<void> {
  await database.platform.delete(operatorSessions).where(eq(operatorSessions.id, sessionId));
}

export async function invalidateAllOperatorSessions(database: Database, operatorId: string): Promise<number> {
  const rows = await database.platform
    .delete(operatorSessions)
    .where(eq(operatorSessions.operatorId, operatorId))
    .returning({ id: operatorSessions.id });
  return rows.length;
}
