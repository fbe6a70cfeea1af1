import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, staffUsers, units } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '@motcua/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../context.ts';
import { closeUnit, createUnit, listUnits, renameUnit } from './units.ts';

const database = useTestDatabase(4);
let slug: TenantSlug;
/** Vietnam time; 00:30 on the 10th in Vietnam is still the 9th in UTC. */
let clock = new Date('2026-03-10T00:30:00+07:00');
const admin = (): EngineContext => ({
  database,
  slug,
  actor: { kind: 'staff', id: 'usr_admin', role: 'admin' },
  now: () => clock,
});
const rows = () => withTenant(database, slug, (db) => db.select().from(units).orderBy(units.createdAt));
const audits = async () =>
  (await withTenant(database, slug, (db) => db.select({ action: auditLog.action }).from(auditLog))).map(
    (r) => r.action,
  );

async function expectField(work: Promise<unknown>, path: string, code: string) {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).details).toEqual([expect.objectContaining({ path, code })]);
}
async function expectPrecondition(work: Promise<unknown>, code: string) {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PreconditionFailedError);
  expect((error as PreconditionFailedError).code).toBe(code);
}

beforeAll(async () => {
  slug = await createTestTenant(database);
});

describe('units', () => {
  let root = '';
  let justice = '';

  it('creates units from today (Vietnam time), under an open parent, and lists them with their parent', async () => {
    root = (await createUnit(admin(), { code: 'UBND', name: 'UBND tỉnh', kind: 'agency' })).id;
    const created = await createUnit(admin(), {
      code: ' STP ',
      name: ' Sở Tư pháp ',
      kind: 'department',
      parentId: root,
    });
    justice = created.id;
    expect(created).toMatchObject({
      code: 'STP',
      name: 'Sở Tư pháp',
      validFrom: '2026-03-10',
      validTo: null,
      active: true,
    });
    expect(await listUnits(admin())).toEqual([
      expect.objectContaining({ code: 'STP', parentName: 'UBND tỉnh', active: true, staffCount: 0 }),
      expect.objectContaining({ code: 'UBND', parentId: null, parentName: null, active: true }),
    ]);
    expect(await audits()).toEqual(['unit.created', 'unit.created']);
  });

  it.each([
    [{ code: '', name: 'X', kind: 'department' }, 'code', 'invalid'],
    [{ code: 'A B', name: 'X', kind: 'department' }, 'code', 'invalid'],
    [{ code: 'OK', name: '   ', kind: 'department' }, 'name', 'invalid'],
    [{ code: 'OK', name: 'X', kind: 'district' }, 'kind', 'invalid'],
    [{ code: 'STP', name: 'Sở Tư pháp 2', kind: 'department' }, 'code', 'code_taken'],
    [{ code: 'OK', name: 'X', kind: 'department', parentId: 'uni_nope' }, 'parentId', 'parent'],
  ])('refuses %j with a field error and changes nothing', async (input, path, code) => {
    const before = await rows();
    await expectField(createUnit(admin(), input), path, code);
    expect(await rows()).toEqual(before);
  });

  it('renames an open unit, once per change', async () => {
    expect(await renameUnit(admin(), justice, { name: 'Sở Tư pháp tỉnh' })).toEqual({
      id: justice,
      name: 'Sở Tư pháp tỉnh',
    });
    await renameUnit(admin(), justice, { name: 'Sở Tư pháp tỉnh' });
    expect((await audits()).filter((a) => a === 'unit.renamed')).toHaveLength(1);
    await expectField(renameUnit(admin(), justice, { name: '' }), 'name', 'invalid');
    await expect(renameUnit(admin(), 'uni_nope', { name: 'X' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses to close a unit that still has staff or open units below it, or on a past date', async () => {
    const before = await rows();
    await withTenant(database, slug, (db) =>
      db.insert(staffUsers).values({
        id: newId('usr'),
        email: 'chuyenvien@stp.gov.vn',
        fullName: 'Chuyên viên',
        role: 'specialist',
        status: 'invited',
        unitId: justice,
      }),
    );
    await expectPrecondition(closeUnit(admin(), justice, '2026-03-10'), 'unit_has_staff');
    await expectPrecondition(closeUnit(admin(), root, '2026-03-10'), 'unit_has_children');
    await expectField(closeUnit(admin(), justice, '2026-03-09'), 'onDate', 'date_past');
    await expectField(closeUnit(admin(), justice, '2026-02-30'), 'onDate', 'date');
    expect(await rows()).toEqual(before);
    expect((await listUnits(admin())).find((u) => u.id === justice)?.staffCount).toBe(1);
  });

  it('closes a unit once its staff are disabled; its code is free again from the next day', async () => {
    await withTenant(database, slug, (db) => db.update(staffUsers).set({ status: 'disabled' }));
    expect(await closeUnit(admin(), justice, '2026-03-10')).toEqual({ id: justice, validTo: '2026-03-10' });
    await expectPrecondition(closeUnit(admin(), justice, '2026-03-20'), 'unit_closed');
    await expectPrecondition(renameUnit(admin(), justice, { name: 'Khác' }), 'unit_closed');
    const listed = await listUnits(admin());
    expect(listed.map((u) => [u.code, u.active])).toEqual([
      ['UBND', true],
      ['STP', false],
    ]);
    // Closed today, opened today: a new STP the same day would clash with the closed one's start date.
    await expectField(
      createUnit(admin(), { code: 'STP', name: 'Sở Tư pháp (mới)', kind: 'department' }),
      'code',
      'code_taken',
    );
    clock = new Date('2026-03-11T09:00:00+07:00');
    const again = await createUnit(admin(), {
      code: 'STP',
      name: 'Sở Tư pháp (mới)',
      kind: 'department',
      parentId: root,
    });
    expect(again).toMatchObject({ validFrom: '2026-03-11', active: true });
    await expectField(
      createUnit(admin(), { code: 'OK', name: 'X', kind: 'centre', parentId: justice }),
      'parentId',
      'parent',
    );
  });

  it('closes a unit from a future date on: open until then', async () => {
    const centre = await createUnit(admin(), {
      code: 'TTPVHCC',
      name: 'Trung tâm Phục vụ hành chính công',
      kind: 'centre',
    });
    await closeUnit(admin(), centre.id, '2026-04-01');
    expect((await listUnits(admin())).find((u) => u.id === centre.id)).toMatchObject({
      active: true,
      validTo: '2026-04-01',
    });
    clock = new Date('2026-04-01T08:00:00+07:00');
    expect((await listUnits(admin())).find((u) => u.id === centre.id)?.active).toBe(false);
  });

  it('is for roles with settings.manage only', async () => {
    const desk: EngineContext = { ...admin(), actor: { kind: 'staff', id: 'usr_d', role: 'reception' } };
    await expect(listUnits(desk)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUnit(desk, { code: 'X', name: 'X', kind: 'centre' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(renameUnit(desk, 'uni_x', { name: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(closeUnit(desk, 'uni_x', '2030-01-01')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
