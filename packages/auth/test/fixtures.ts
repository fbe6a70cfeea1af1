// Factories for this package's tests (not exported from the package).
import { randomBytes } from 'node:crypto';
import { type Database, newId, type TenantSlug, withTenant } from '@motcua/db';
import { type OperatorRole, operators } from '@motcua/db/platform';
import { auditLog, citizens, outbox, type StaffRole, type StaffStatus, staffUsers } from '@motcua/db/tenant';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { issueEmailedToken } from '../src/emailed-tokens.ts';

function unique(): string {
  return randomBytes(5).toString('hex');
}

export async function insertStaff(
  database: Database,
  slug: TenantSlug,
  {
    id = newId('usr'),
    role = 'specialist',
    status = 'active',
  }: { id?: string; role?: StaffRole; status?: StaffStatus } = {},
): Promise<string> {
  await withTenant(database, slug, (db) =>
    db.insert(staffUsers).values({
      id,
      email: `staff-${unique()}@agency.gov.vn`,
      fullName: 'Nguyễn Văn An',
      role,
      status,
      passwordHash: '$argon2id$not-a-real-hash',
      totpSecret: 'JBSWY3DPEHPK3PXP',
    }),
  );
  return id;
}

export async function insertCitizen(database: Database, slug: TenantSlug): Promise<string> {
  const id = `cit_${unique()}`;
  await withTenant(database, slug, (db) =>
    db.insert(citizens).values({
      id,
      email: `citizen-${unique()}@example.vn`,
      fullName: 'Trần Thị Bình',
      passwordHash: '$argon2id$not-a-real-hash',
    }),
  );
  return id;
}

export async function insertOperator(database: Database, role: OperatorRole = 'operator'): Promise<string> {
  const id = newId('opr');
  await database.platform.insert(operators).values({
    id,
    email: `operator-${unique()}@motcua.vn`,
    fullName: 'Lê Văn Cường',
    role,
    passwordHash: '$argon2id$not-a-real-hash',
    totpSecret: 'JBSWY3DPEHPK3PXP',
  });
  return id;
}

/**
 * A handle that throws on any use, to prove that a code path does no database work. (A
 * closed pool is not enough: postgres.js waits forever to reserve a connection from one.)
 */
export function untouchableDatabase(): Database {
  return new Proxy({} as Database, {
    get(_target, property) {
      throw new Error(`The database was touched (${String(property)}).`);
    },
  });
}

export function later(from: Date, ms: number): Date {
  return new Date(from.getTime() + ms);
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;

export async function auditRows(database: Database, slug: TenantSlug) {
  return withTenant(database, slug, (db) =>
    db
      .select({
        actor: auditLog.actor,
        action: auditLog.action,
        subject: auditLog.subject,
        requestId: auditLog.requestId,
        ip: auditLog.ip,
        details: auditLog.details,
      })
      .from(auditLog)
      .orderBy(auditLog.id),
  );
}

/** An emailed link as the worker sends it (services/worker renders the rest of the email). */
export interface DeliveredLink {
  to: string;
  template: string;
  payload: Record<string, unknown>;
  /** `id.secret`, issued as the worker issues it when it sends. */
  token: string;
  link: string;
}

const linkPaths: Record<string, string> = {
  'staff.invitation': '/accept-invitation',
  'auth.password_reset': '/reset-password',
};

/**
 * Does what the outbox worker does with the tenant's pending emailed links, oldest first: issues
 * each token and marks the row sent, or gives it up as superseded when the link is no longer
 * wanted. Returns the links sent.
 */
export async function deliverEmailedLinks(
  database: Database,
  slug: TenantSlug,
  now: Date = new Date(),
): Promise<DeliveredLink[]> {
  const rows = await withTenant(database, slug, (db) =>
    db
      .select({ id: outbox.id, payload: outbox.payload })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.givenUpAt)))
      .orderBy(asc(outbox.id)),
  );
  const sent: DeliveredLink[] = [];
  for (const row of rows) {
    const template = String(row.payload.template);
    const data = row.payload.data as { tokenId: string; validForMinutes: number; siteUrl: string };
    const path = linkPaths[template];
    if (!path) continue;
    const issued = await issueEmailedToken(database, slug, data, now);
    await withTenant(database, slug, (db) =>
      db
        .update(outbox)
        .set(issued ? { sentAt: now } : { givenUpAt: now, givenUpReason: 'superseded' })
        .where(eq(outbox.id, row.id)),
    );
    if (!issued) continue;
    const link = `${data.siteUrl}${path}?token=${issued.token}`;
    sent.push({ to: String(row.payload.to), template, payload: row.payload, token: issued.token, link });
  }
  return sent;
}

export async function outboxRows(database: Database, slug: TenantSlug) {
  return withTenant(database, slug, (db) => db.select().from(outbox).orderBy(asc(outbox.id)));
}
