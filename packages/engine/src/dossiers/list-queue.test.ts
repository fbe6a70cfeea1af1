// The staff queue lists what its page shows — code, procedure, state, dates, flags and the
// applicant's declared name — and none of the answers (ID numbers, phones), which only the
// audited dossier view gives; and it never lists another agency's dossiers.
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossiers, type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../context.ts';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedure } from '../testing.ts';
import { listQueue } from './list-dossiers.ts';
import { saveDossier } from './save-dossier.ts';

const database = useTestDatabase(4);
const now = new Date('2026-03-02T09:00:00+07:00');
const idNumber = '001090004217';
const phone = '0912345679';
const answers = { full_name: 'Vũ Thị Lan', citizen_id: idNumber, phone, purpose: 'xin_viec' };
let slug: TenantSlug;
let other: TenantSlug;
const desks: Record<string, string> = {};
let dossierId = '';

const deskOf = (tenant: TenantSlug): EngineContext => ({
  database,
  slug: tenant,
  actor: { kind: 'staff', id: desks[tenant] ?? '', role: 'reception' as StaffRole },
  now: () => now,
});

beforeAll(async () => {
  slug = await createTestTenant(database);
  other = await createTestTenant(database);
  for (const tenant of [slug, other]) {
    desks[tenant] = newId('usr');
    await withTenant(database, tenant, async (db) => {
      await publishVersion(db, testProcedure, 'test');
      await db
        .insert(citizens)
        .values({ id: 'usr_citizen', email: 'lan@example.vn', fullName: 'Vũ Thị Lan' });
      await db.insert(staffUsers).values({
        id: desks[tenant] ?? '',
        email: `desk@${tenant}.vn`,
        fullName: 'Tiếp nhận',
        role: 'reception',
        status: 'active',
      });
    });
  }
  const saved = await saveDossier(
    { database, slug, actor: { kind: 'citizen', id: 'usr_citizen' }, now: () => now },
    { procedureCode: testProcedure.code, answers, submit: true },
  );
  dossierId = saved.dossier.id;
});

describe('the staff queue', () => {
  it('lists what the queue shows and no answer: no ID number, no phone', async () => {
    const queue = await listQueue(deskOf(slug), {});
    expect(queue).toHaveLength(1);
    const [item] = queue;
    expect(Object.keys(item ?? {}).sort()).toEqual(
      [
        'applicantName',
        'assigneeId',
        'channel',
        'code',
        'dueAt',
        'finishedAt',
        'flags',
        'id',
        'nationalStatus',
        'paid',
        'procedureCode',
        'receivedAt',
        'state',
        'submittedAt',
      ].sort(),
    );
    expect(item).toMatchObject({
      id: dossierId,
      state: 'submitted',
      applicantName: 'Vũ Thị Lan',
      paid: false,
    });
    const listed = JSON.stringify(queue);
    expect(listed).not.toContain(idNumber);
    expect(listed).not.toContain(phone);
  });

  it('never lists another agency’s dossiers', async () => {
    expect(await listQueue(deskOf(other), {})).toEqual([]);
  });

  it.each([
    [{ applicant_full_name: ' Lê Văn A ', full_name: 'B' }, 'Lê Văn A'],
    [{ owner_full_name: 'Chủ Hộ', full_name: 'B' }, 'Chủ Hộ'],
    [{ child_full_name: 'Bé Na', declarant_phone: '0912' }, 'Bé Na'],
    [{ full_name: '   ', mother_full_name: 'Mẹ' }, 'Mẹ'],
    [{ full_name: 42, phone: '0912' }, null],
    [{ phone: '0912' }, null],
  ])('names the applicant of %j as %s', async (declared, name) => {
    await withTenant(database, slug, (db) =>
      db.update(dossiers).set({ answers: declared }).where(eq(dossiers.id, dossierId)),
    );
    const [item] = await listQueue(deskOf(slug), {});
    expect(item?.applicantName).toBe(name);
  });
});
