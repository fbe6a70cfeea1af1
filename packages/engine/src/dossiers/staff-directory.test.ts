// The directory a dossier's console page uses: every name for the timeline, and only the case
// officers who could work on this dossier — active, a specialist, of its unit or agency-wide.
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, type StaffRole, staffUsers, units } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError } from '@motcua/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../context.ts';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedure } from '../testing.ts';
import { saveDossier } from './save-dossier.ts';
import { getStaffDirectory } from './staff-directory.ts';

const database = useTestDatabase(4);
let slug: TenantSlug;
let other: TenantSlug;
let dossierId: string;
const ids: Record<string, string> = {};
const unitIds = { stp: newId('uni'), sxd: newId('uni') };

async function person(tenant: TenantSlug, key: string, role: StaffRole, extra: object = {}) {
  const id = newId('usr');
  ids[key] = id;
  await withTenant(database, tenant, (db) =>
    db
      .insert(staffUsers)
      .values({ id, email: `${key}@a.gov.vn`, fullName: key, role, status: 'active', ...extra }),
  );
}

const as = (key: string, role: StaffRole, tenant = slug): EngineContext => ({
  database,
  slug: tenant,
  actor: { kind: 'staff', id: ids[key] ?? '', role },
});

beforeAll(async () => {
  slug = await createTestTenant(database);
  other = await createTestTenant(database);
  await withTenant(database, slug, async (db) => {
    await db.insert(units).values([
      { id: unitIds.stp, code: 'STP', name: 'Sở Tư pháp', kind: 'department' },
      { id: unitIds.sxd, code: 'SXD', name: 'Sở Xây dựng', kind: 'department' },
    ]);
    await publishVersion(db, testProcedure, 'test');
    await db.insert(citizens).values({ id: 'usr_citizen', email: 'c@example.vn', fullName: 'Công dân' });
  });
  await person(slug, 'desk', 'reception');
  await person(slug, 'wide', 'specialist');
  await person(slug, 'same', 'specialist', { unitId: unitIds.stp });
  await person(slug, 'elsewhere', 'specialist', { unitId: unitIds.sxd });
  await person(slug, 'gone', 'specialist', { status: 'disabled' });
  await person(slug, 'leader', 'approver');
  await person(other, 'otherDesk', 'reception');
  const saved = await saveDossier(
    { database, slug, actor: { kind: 'citizen', id: 'usr_citizen' } },
    {
      procedureCode: testProcedure.code,
      answers: {
        full_name: 'Công dân',
        citizen_id: '001090000003',
        phone: '0912345671',
        purpose: 'xin_viec',
      },
      submit: true,
    },
  );
  dossierId = saved.dossier.id;
});

describe('getStaffDirectory', () => {
  it('offers the active case officers agency-wide or of the dossier’s unit, and names everyone', async () => {
    const directory = await getStaffDirectory(as('desk', 'reception'), dossierId);
    expect(directory.officers.map((o) => o.name).sort()).toEqual(['same', 'wide']);
    expect([...directory.names.values()].sort()).toEqual([
      'desk',
      'elsewhere',
      'gone',
      'leader',
      'same',
      'wide',
    ]);
  });

  it('is not found for staff who cannot see the dossier, nor in another agency', async () => {
    await expect(getStaffDirectory(as('elsewhere', 'specialist'), dossierId)).rejects.toThrow(
      'No such dossier.',
    );
    await expect(getStaffDirectory(as('otherDesk', 'reception', other), dossierId)).rejects.toThrow(
      'No such dossier.',
    );
  });

  it('is refused to a citizen', async () => {
    const citizen: EngineContext = { database, slug, actor: { kind: 'citizen', id: 'usr_citizen' } };
    await expect(getStaffDirectory(citizen, dossierId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
