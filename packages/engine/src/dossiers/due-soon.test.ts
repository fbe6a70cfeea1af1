import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, outbox, type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedure } from '../testing.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { queueDueSoonNotices } from './due-soon.ts';
import { saveDossier } from './save-dossier.ts';

const database = useTestDatabase(4);
const at = (local: string) => new Date(`${local}+07:00`);
const answers = {
  full_name: 'Vũ Thị Lan',
  citizen_id: '001090000003',
  phone: '0912345671',
  purpose: 'xin_viec',
};
let slug: TenantSlug;
const ids: Record<string, string> = {};

async function person(role: StaffRole | 'citizen', email: string) {
  const id = newId('usr');
  await withTenant(database, slug, (db) =>
    role === 'citizen'
      ? db.insert(citizens).values({ id, email, fullName: 'Vũ Thị Lan' })
      : db.insert(staffUsers).values({ id, email, fullName: role, role, status: 'active' }),
  );
  return id;
}

/** Submitted Mon 2 Mar 2026 09:00, received 10:00: three working days → due Thu 5 Mar 17:00. */
async function receivedDossier(assign: boolean) {
  const submitted = at('2026-03-02T09:00:00');
  const received = at('2026-03-02T10:00:00');
  const saved = await saveDossier(
    { database, slug, actor: { kind: 'citizen', id: ids.citizen ?? '' }, now: () => submitted },
    { procedureCode: testProcedure.code, answers, submit: true },
  );
  const desk = {
    database,
    slug,
    actor: { kind: 'staff' as const, id: ids.desk ?? '', role: 'reception' as const },
    now: () => received,
  };
  const view = await actOnDossier(desk, { dossierId: saved.dossier.id, action: 'receive', input: {} });
  expect(view.dueAt).toBe(at('2026-03-05T17:00:00').toISOString());
  if (assign)
    await actOnDossier(desk, {
      dossierId: saved.dossier.id,
      action: 'assign',
      input: { assigneeId: ids.officer },
    });
  return saved.dossier.id;
}

const noticesFor = async (dossierId: string) =>
  (await withTenant(database, slug, (db) => db.select({ payload: outbox.payload }).from(outbox)))
    .map((r) => r.payload)
    .filter((p) => p.template === 'dossier.due_soon' && p.dossierId === dossierId);

beforeAll(async () => {
  slug = await createTestTenant(database);
  await withTenant(database, slug, (db) => publishVersion(db, testProcedure, 'test'));
  ids.citizen = await person('citizen', 'lan@example.vn');
  ids.desk = await person('reception', 'motcua@a.gov.vn');
  ids.officer = await person('specialist', 'chuyenvien@a.gov.vn');
});

describe('due-soon notices', () => {
  it('tell the officer holding a dossier once it is within a working day of its due time, once per due date', async () => {
    const id = await receivedDossier(true);
    expect(await queueDueSoonNotices({ database, slug }, at('2026-03-04T09:00:00'))).toBe(0);
    // Thu 5 Mar 09:00: six and a half working hours left.
    expect(await queueDueSoonNotices({ database, slug }, at('2026-03-05T09:00:00'))).toBe(1);
    expect(await queueDueSoonNotices({ database, slug }, at('2026-03-05T10:00:00'))).toBe(0);
    expect(await noticesFor(id)).toEqual([
      expect.objectContaining({ to: 'chuyenvien@a.gov.vn', dueAt: at('2026-03-05T17:00:00').toISOString() }),
    ]);
    // Past due: no "due soon" any more (the queue shows it late).
    expect(await queueDueSoonNotices({ database, slug }, at('2026-03-06T09:00:00'))).toBe(0);
  });

  it('tell the desk about a received dossier nobody holds yet', async () => {
    const id = await receivedDossier(false);
    await queueDueSoonNotices({ database, slug }, at('2026-03-05T09:00:00'));
    expect((await noticesFor(id)).map((p) => p.to)).toEqual(['motcua@a.gov.vn']);
  });
});
