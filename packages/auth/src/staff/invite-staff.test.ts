import { withTenant } from '@motcua/db';
import { oneTimeTokens, staffUsers, units } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ConflictError, ForbiddenError, ValidationError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import {
  auditRows,
  days,
  deliverEmailedLinks,
  insertStaff,
  outboxRows,
  untouchableDatabase,
} from '../../test/fixtures.ts';
import type { Actor } from '../permissions.ts';
import { hashSecret } from '../tokens.ts';
import { inviteStaff } from './invite-staff.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const linkBase = 'https://so-tu-phap.motcua.vn';

const deps = { linkBase, siteName: 'Sở Tư pháp' };

describe('inviteStaff', () => {
  it('creates an invited person and a 7-day link of which only the hash is stored, mailed once', async () => {
    const slug = await createTestTenant(database);
    const now = new Date('2026-03-02T08:00:00Z');
    const ctx = { database, slug, actor: admin, requestId: 'req_1', ip: '203.0.113.9' };
    const staff = await inviteStaff(
      ctx,
      { email: ' An@Agency.VN ', fullName: 'Nguyễn An', role: 'clerk' },
      deps,
      now,
    );
    expect(staff).toMatchObject({ email: 'an@agency.vn', role: 'clerk', status: 'invited', unitId: null });
    // Queued in the same unit of work; the worker issues the secret as it sends.
    expect((await outboxRows(database, slug)).map((r) => r.payload)).toEqual([
      {
        template: 'staff.invitation',
        to: 'an@agency.vn',
        data: expect.objectContaining({
          fullName: 'Nguyễn An',
          siteUrl: linkBase,
          validForMinutes: 7 * 1440,
        }),
      },
    ]);
    const sent = await deliverEmailedLinks(database, slug, now);
    expect(sent).toHaveLength(1);
    const token = /token=([a-z2-7]{24})\.([a-z2-7]{32})$/.exec(sent[0]?.link ?? '');
    expect(sent[0]?.link).toContain(`${linkBase}/accept-invitation?token=`);
    const [row] = await withTenant(database, slug, (db) => db.select().from(oneTimeTokens));
    expect(row).toMatchObject({ id: token?.[1], purpose: 'invitation', principalId: staff.id, usedAt: null });
    expect(row?.expiresAt).toEqual(new Date(now.getTime() + days(7)));
    expect(Buffer.from(row?.secretHash ?? [])).toEqual(Buffer.from(hashSecret(token?.[2] ?? '')));
    expect(await auditRows(database, slug)).toEqual([
      {
        actor: 'staff:usr_admin',
        action: 'staff.invited',
        subject: staff.id,
        requestId: 'req_1',
        ip: '203.0.113.9',
        details: { email: 'an@agency.vn', role: 'clerk', unitId: null, status: 'invited' },
      },
    ]);
  });

  it('refuses an address already on the staff whatever its case, writing and sending nothing', async () => {
    const slug = await createTestTenant(database);
    const ctx = { database, slug, actor: admin };
    await inviteStaff(ctx, { email: 'binh@agency.vn', fullName: 'Bình', role: 'viewer' }, deps);
    const error = await inviteStaff(
      ctx,
      { email: 'BINH@agency.vn', fullName: 'Bình 2', role: 'viewer' },
      deps,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(await outboxRows(database, slug)).toHaveLength(1);
    expect(await withTenant(database, slug, (db) => db.select().from(staffUsers))).toHaveLength(1);
  });

  it('refuses a unit that does not exist or has closed', async () => {
    const slug = await createTestTenant(database);
    await withTenant(database, slug, (db) =>
      db
        .insert(units)
        .values({ id: 'uni_old', code: 'CU', name: 'Cũ', kind: 'commune', validTo: '2020-01-01' }),
    );
    for (const unitId of ['uni_nope', 'uni_old']) {
      const error = await inviteStaff(
        { database, slug, actor: admin },
        { email: 'c@agency.vn', fullName: 'Cường', role: 'viewer', unitId },
        deps,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect(await outboxRows(database, slug)).toEqual([]);
    expect(await auditRows(database, slug)).toEqual([]);
  });

  it('checks the permission before touching the database', async () => {
    const slug = await createTestTenant(database);
    const reception: Actor = {
      kind: 'staff',
      id: await insertStaff(database, slug, { role: 'reception' }),
      role: 'reception',
    };
    const error = await inviteStaff(
      { database: untouchableDatabase(), slug, actor: reception },
      { email: 'd@agency.vn', fullName: 'Dũng', role: 'admin' },
      deps,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
  });
});
