// The console home's counts: one statement that must agree with the queue it stands for, for
// each filter, for staff of the whole agency and staff limited to a unit, and never count
// another agency's dossiers.
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, type StaffRole, staffUsers, units } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError } from '@motcua/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../context.ts';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedure } from '../testing.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { countQueue, listQueue } from './list-dossiers.ts';
import { saveDossier } from './save-dossier.ts';

const database = useTestDatabase(4);
const at = (local: string) => new Date(`${local}+07:00`);
let slug: TenantSlug;
let other: TenantSlug;
const ids: Record<string, string> = {};
const answers = {
  full_name: 'Vũ Thị Lan',
  citizen_id: '001090000003',
  phone: '0912345671',
  purpose: 'xin_viec',
};

async function staff(tenant: TenantSlug, key: string, role: StaffRole, unitId: string | null = null) {
  ids[key] = newId('usr');
  await withTenant(database, tenant, (db) =>
    db.insert(staffUsers).values({
      id: ids[key] ?? '',
      email: `${key}@a.gov.vn`,
      fullName: key,
      role,
      status: 'active',
      unitId,
    }),
  );
}

const as = (key: string, role: StaffRole, now: Date, tenant = slug): EngineContext => ({
  database,
  slug: tenant,
  actor: { kind: 'staff', id: ids[key] ?? '', role },
  now: () => now,
});

async function file(tenant: TenantSlug, submittedAt: Date) {
  const saved = await saveDossier(
    { database, slug: tenant, actor: { kind: 'citizen', id: 'usr_citizen' }, now: () => submittedAt },
    { procedureCode: testProcedure.code, answers, submit: true },
  );
  return saved.dossier.id;
}

beforeAll(async () => {
  slug = await createTestTenant(database);
  other = await createTestTenant(database);
  const stp = newId('uni');
  const sxd = newId('uni');
  for (const tenant of [slug, other]) {
    await withTenant(database, tenant, async (db) => {
      await db.insert(units).values(
        tenant === slug
          ? [
              { id: stp, code: 'STP', name: 'Sở Tư pháp', kind: 'department' },
              { id: sxd, code: 'SXD', name: 'Sở Xây dựng', kind: 'department' },
            ]
          : [{ id: newId('uni'), code: 'STP', name: 'Sở Tư pháp', kind: 'department' }],
      );
      await publishVersion(db, testProcedure, 'test');
      await db
        .insert(citizens)
        .values({ id: 'usr_citizen', email: 'lan@example.vn', fullName: 'Vũ Thị Lan' });
    });
  }
  await staff(slug, 'desk', 'reception');
  await staff(slug, 'officer', 'specialist', stp);
  await staff(slug, 'elsewhere', 'specialist', sxd);
  await staff(other, 'otherDesk', 'reception');
  // Three submitted on Mon 2 Mar 2026; two received (due Thu 5 Mar 17:00), one of them assigned.
  const monday = at('2026-03-02T09:00:00');
  const [a, b] = [await file(slug, monday), await file(slug, monday), await file(slug, monday)];
  for (const id of [a, b]) {
    await actOnDossier(as('desk', 'reception', at('2026-03-02T10:00:00')), {
      dossierId: id ?? '',
      action: 'receive',
      input: {},
    });
  }
  await actOnDossier(as('desk', 'reception', at('2026-03-02T11:00:00')), {
    dossierId: a ?? '',
    action: 'assign',
    input: { assigneeId: ids.officer },
  });
  await file(other, monday);
});

const filters = [
  {},
  { state: 'submitted' },
  { state: 'received' },
  { due: 'due_soon' },
  { due: 'late' },
  { assignedToMe: true },
];

describe('countQueue', () => {
  it.each([
    [
      'Wed 4 Mar 17:00: nothing late, the two received are due within a day',
      at('2026-03-04T17:00:00'),
      [3, 1, 1, 2, 0, 0],
    ],
    ['Fri 6 Mar 09:00: both received are late', at('2026-03-06T09:00:00'), [3, 1, 1, 0, 2, 0]],
  ])('agrees with the queue for the whole agency — %s', async (_, now, expected) => {
    const desk = as('desk', 'reception', now);
    const lengths = await Promise.all(
      filters.map(async (f) => (await listQueue(desk, { ...f, limit: 200 })).length),
    );
    expect(lengths).toEqual(expected);
    expect(await countQueue(desk, filters)).toEqual(expected);
  });

  it('counts only the unit’s dossiers for staff limited to it, and what is theirs', async () => {
    const now = at('2026-03-04T17:00:00');
    expect(await countQueue(as('officer', 'specialist', now), filters)).toEqual([3, 1, 1, 2, 0, 1]);
    expect(await countQueue(as('elsewhere', 'specialist', now), filters)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('never counts another agency’s dossiers', async () => {
    const now = at('2026-03-04T17:00:00');
    expect(await countQueue(as('otherDesk', 'reception', now, other), filters)).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('refuses a filter that is not one, and a citizen', async () => {
    const now = at('2026-03-04T17:00:00');
    await expect(countQueue(as('desk', 'reception', now), [{ due: 'someday' }])).rejects.toThrow(
      'Some filters are not valid.',
    );
    const citizen: EngineContext = { database, slug, actor: { kind: 'citizen', id: 'usr_citizen' } };
    await expect(countQueue(citizen, [{}])).rejects.toBeInstanceOf(ForbiddenError);
  });
});
