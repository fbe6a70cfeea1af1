// Staff and citizen sessions, stored in the tenant's own schema: a token minted for one
// tenant is simply absent from every other tenant's `sessions` table.
import { type Database, type TenantDb, type TenantSlug, withTenant } from '@motcua/db';
import {
  type Citizen,
  citizens,
  type PrincipalKind,
  type StaffUser,
  sessions,
  staffUsers,
} from '@motcua/db/tenant';
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

export interface TenantSession {
  id: string;
  kind: PrincipalKind;
  principalId: string;
  twoFactorVerified: boolean;
  createdAt: Date;
  lastVerifiedAt: Date;
  /** When the session ends if it is not used again; a cookie's Max-Age can follow it. */
  expiresAt: Date;
}

/** The signed-in person, without password hash or TOTP secret (they never leave the database here). */
export type StaffPrincipal = { kind: 'staff' } & Omit<
  StaffUser,
  'passwordHash' | 'totpSecret' | 'totpLastStep'
>;
export type CitizenPrincipal = { kind: 'citizen' } & Omit<Citizen, 'passwordHash'>;
export type TenantPrincipal = StaffPrincipal | CitizenPrincipal;

export interface TenantSessionValidation {
  session: TenantSession;
  principal: TenantPrincipal;
  /** True when this validation moved `lastVerifiedAt`: the moment to re-send the cookie. */
  refreshed: boolean;
}

export interface CreateTenantSessionInput {
  kind: PrincipalKind;
  principalId: string;
  twoFactorVerified?: boolean;
}

function toSession(
  row: {
    id: string;
    principalKind: PrincipalKind;
    principalId: string;
    twoFactorVerified: boolean;
    createdAt: Date;
  },
  lastVerifiedAt: Date,
): TenantSession {
  return {
    id: row.id,
    kind: row.principalKind,
    principalId: row.principalId,
    twoFactorVerified: row.twoFactorVerified,
    createdAt: row.createdAt,
    lastVerifiedAt,
    expiresAt: sessionExpiresAt(lastVerifiedAt, sessionPolicies[row.principalKind]),
  };
}

export async function createTenantSession(
  database: Database,
  slug: TenantSlug,
  { kind, principalId, twoFactorVerified = false }: CreateTenantSessionInput,
  now: Date = new Date(),
): Promise<{ token: string; session: TenantSession }> {
  const { id, token, secretHash } = newSessionCredentials();
  const row = { id, principalKind: kind, principalId, twoFactorVerified, createdAt: now };
  await withTenant(database, slug, (db) =>
    db.insert(sessions).values({ ...row, secretHash, lastVerifiedAt: now }),
  );
  return { token, session: toSession(row, now) };
}

const staffColumns = {
  id: staffUsers.id,
  email: staffUsers.email,
  fullName: staffUsers.fullName,
  role: staffUsers.role,
  unitId: staffUsers.unitId,
  status: staffUsers.status,
  totpEnrolledAt: staffUsers.totpEnrolledAt,
  createdAt: staffUsers.createdAt,
};

const citizenColumns = {
  id: citizens.id,
  email: citizens.email,
  phone: citizens.phone,
  fullName: citizens.fullName,
  identityVerified: citizens.identityVerified,
  oidcIssuer: citizens.oidcIssuer,
  oidcSubject: citizens.oidcSubject,
  createdAt: citizens.createdAt,
};

/** The principal a session may act as, or null when it is gone or disabled. */
async function findActivePrincipal(
  db: TenantDb,
  kind: PrincipalKind,
  id: string,
): Promise<TenantPrincipal | null> {
  if (kind === 'staff') {
    const [staff] = await db.select(staffColumns).from(staffUsers).where(eq(staffUsers.id, id));
    return staff && staff.status !== 'disabled' ? { kind, ...staff } : null;
  }
  const [citizen] = await db.select(citizenColumns).from(citizens).where(eq(citizens.id, id));
  return citizen ? { kind, ...citizen } : null;
}

/**
 * The session and principal behind a token, or null. One unit of work: the lookup, the
 * removal of a session that expired or whose principal is gone or disabled, and the
 * sliding refresh, written at most once per policy window.
 */
export async function validateTenantSession(
  database: Database,
  slug: TenantSlug,
  token: unknown,
  now: Date = new Date(),
): Promise<TenantSessionValidation | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  return withTenant(database, slug, async (db) => {
    const [row] = await db
      .select({
        id: sessions.id,
        secretHash: sessions.secretHash,
        principalKind: sessions.principalKind,
        principalId: sessions.principalId,
        twoFactorVerified: sessions.twoFactorVerified,
        createdAt: sessions.createdAt,
        lastVerifiedAt: sessions.lastVerifiedAt,
      })
      .from(sessions)
      .where(eq(sessions.id, parsed.id));
    // A wrong secret leaves the session alone: knowing an id must not let anyone end it.
    if (!row || !secretMatches(row.secretHash, parsed.secret)) return null;

    const policy = sessionPolicies[row.principalKind];
    const principal = isSessionExpired(row.lastVerifiedAt, policy, now)
      ? null
      : await findActivePrincipal(db, row.principalKind, row.principalId);
    if (!principal) {
      await db.delete(sessions).where(eq(sessions.id, row.id));
      return null;
    }

    let lastVerifiedAt = row.lastVerifiedAt;
    const refreshed = needsRefresh(lastVerifiedAt, policy, now);
    if (refreshed) {
      // Guarded so that concurrent requests of one session write the window once.
      await db
        .update(sessions)
        .set({ lastVerifiedAt: now })
        .where(and(eq(sessions.id, row.id), lt(sessions.lastVerifiedAt, refreshCutoff(policy, now))));
      lastVerifiedAt = now;
    }
    return { session: toSession(row, lastVerifiedAt), principal, refreshed };
  });
}

/** After the second factor: the session may now do what needs it. False when it is gone. */
export async function markTwoFactorVerified(
  database: Database,
  slug: TenantSlug,
  sessionId: string,
): Promise<boolean> {
  const rows = await withTenant(database, slug, (db) =>
    db
      .update(sessions)
      .set({ twoFactorVerified: true })
      .where(eq(sessions.id, sessionId))
      .returning({ id: sessions.id }),
  );
  return rows.length > 0;
}

/** Sign-out. */
export async function invalidateTenantSession(
  database: Database,
  slug: TenantSlug,
  sessionId: string,
): Promise<void> {
  await withTenant(database, slug, (db) => db.delete(sessions).where(eq(sessions.id, sessionId)));
}

/** Every session of one person: after a password change or reset, disabling, "sign out everywhere". */
export async function invalidateAllTenantSessions(
  database: Database,
  slug: TenantSlug,
  kind: PrincipalKind,
  principalId: string,
): Promise<number> {
  const rows = await withTenant(database, slug, (db) =>
    db
      .delete(sessions)
      .where(and(eq(sessions.principalKind, kind), eq(sessions.principalId, principalId)))
      .returning({ id: sessions.id }),
  );
  return rows.length;
}
