import { describe, expect, it } from 'vitest';
import { createTestTenant, useTestDatabase } from '../test/test-database.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { migrateTenant, tenantMigrations } from './migrate/tenant.ts';
import { tenantNames } from './names.ts';
import { auditLog } from './tenant/audit-log.ts';
import { withTenant } from './tenant-scope.ts';

const database = useTestDatabase(6);

async function append(slug: Parameters<typeof withTenant>[1], n: number, actor = 'usr_test') {
  for (let i = 0; i < n; i += 1) {
    await withTenant(database, slug, (db) =>
      db
        .insert(auditLog)
        .values({ actor, action: 'test.action', subject: `s${i}`, details: { i, note: 'Hồ sơ' } }),
    );
  }
}

/** Alters a row the way only someone with the owner's rights could. */
async function tamper(slug: Parameters<typeof withTenant>[1], statement: string) {
  const { schema, ownerRole } = tenantNames(slug);
  await database.sql.begin(async (tx) => {
    await tx`select set_config('search_path', ${schema}, true), set_config('role', ${ownerRole}, true)`;
    await tx.unsafe('alter table audit_log disable trigger audit_log_chain');
    await tx.unsafe(statement);
    await tx.unsafe('alter table audit_log enable trigger audit_log_chain');
  });
}

describe('hash-chained audit log', () => {
  it('links every row, also under concurrent writers, and verifies intact', async () => {
    const slug = await createTestTenant(database);
    await Promise.all(Array.from({ length: 6 }, (_, w) => append(slug, 10, `usr_${w}`)));
    const report = await verifyAuditChain(database, slug);
    expect(report).toEqual({ rows: 60, intact: true });
  });

  it('reports the first altered row', async () => {
    const slug = await createTestTenant(database);
    await append(slug, 5);
    await tamper(slug, `update audit_log set action = 'something.else' where id = 3`);
    expect(await verifyAuditChain(database, slug)).toMatchObject({
      intact: false,
      firstBrokenId: 3,
      reason: 'content_changed',
    });
  });

  it('reports a removed row at the row after it', async () => {
    const slug = await createTestTenant(database);
    await append(slug, 5);
    await tamper(slug, 'delete from audit_log where id = 2');
    expect(await verifyAuditChain(database, slug)).toMatchObject({
      intact: false,
      firstBrokenId: 3,
      reason: 'link_broken',
    });
  });

  it('does not depend on the session time zone', async () => {
    const slug = await createTestTenant(database);
    await append(slug, 3);
    const { schema, role } = tenantNames(slug);
    for (const zone of ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles']) {
      const [row] = await database.sql.begin(async (tx) => {
        await tx`select set_config('search_path', ${schema}, true), set_config('role', ${role}, true),
          set_config('timezone', ${zone}, true)`;
        return tx<{ ok: boolean }[]>`select bool_and(audit_log_digest(prev_hash, id, at, actor, action,
          subject, request_id, details, ip) = hash) as ok from audit_log`;
      });
      expect(row?.ok, zone).toBe(true);
    }
  });
});

describe('the chain migration', () => {
  it('chains rows written before it existed', async () => {
    const previous = tenantMigrations().filter((m) => m.tag < '0003');
    const slug = await createTestTenant(database, { migrations: previous });
    await withTenant(database, slug, async (db) => {
      for (const action of ['a.one', 'a.two', 'a.three'])
        await db.insert(auditLog).values({ actor: 'usr_x', action });
    });
    await migrateTenant(database, slug);
    expect(await verifyAuditChain(database, slug)).toEqual({ rows: 3, intact: true });
  });
});
