import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, NotFoundError, ValidationError } from '@motcua/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishProcedure } from '../catalog/manage-procedures.ts';
import type { EngineContext } from '../context.ts';
import { addField, removeField } from './edit-fields.ts';
import { setProcessingTime } from './edit-general.ts';
import {
  editProcedureDraft,
  getProcedureDraft,
  listProcedureDrafts,
  startProcedureDraft,
} from './procedure-draft.ts';
import { fieldIds, finishedDraft } from './test-drafts.ts';

const database = useTestDatabase(4);
let slug: TenantSlug;
let other: TenantSlug;
const as = {} as Record<'admin' | 'reception' | 'otherAdmin', EngineContext>;

async function staff(tenant: TenantSlug, role: StaffRole): Promise<EngineContext> {
  const id = newId('usr');
  await withTenant(database, tenant, (db) =>
    db.insert(staffUsers).values({ id, email: `${id}@a.gov.vn`, fullName: role, role, status: 'active' }),
  );
  return { database, slug: tenant, actor: { kind: 'staff', id, role } };
}

beforeAll(async () => {
  slug = await createTestTenant(database);
  other = await createTestTenant(database);
  as.admin = await staff(slug, 'admin');
  as.reception = await staff(slug, 'reception');
  as.otherAdmin = await staff(other, 'admin');
});

describe('a procedure draft in the database', () => {
  it('starts with what blocks publishing, is edited, published and shows no unpublished change', async () => {
    const code = '1.000777.H48';
    const saved = await startProcedureDraft(as.admin, { code, 'name-vi': 'Thủ tục thử' });
    expect(saved.draftProblems.length).toBeGreaterThan(0);
    const fresh = await getProcedureDraft(as.admin, code);
    expect(fresh).toMatchObject({ code, status: 'draft', currentVersion: null, unpublishedChanges: true });
    expect(fresh.draft).toMatchObject({ code, name: { vi: 'Thủ tục thử' } });
    expect(fresh.draftProblems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['name.en', 'description']),
    );

    await editProcedureDraft(as.admin, code, () => ({ ...finishedDraft(), code }));
    expect((await getProcedureDraft(as.admin, code)).draftProblems).toEqual([]);
    expect((await publishProcedure(as.admin, code)).version).toBe(1);
    const live = await getProcedureDraft(as.admin, code);
    expect(live).toMatchObject({ status: 'published', currentVersion: 1, unpublishedChanges: false });

    await editProcedureDraft(as.admin, code, (draft) => removeField(draft, 'phone'));
    const changed = await getProcedureDraft(as.admin, code);
    expect(changed).toMatchObject({ currentVersion: 1, unpublishedChanges: true, draftProblems: [] });
    expect(fieldIds(changed.draft)).not.toContain('phone');
    const listed = await listProcedureDrafts(as.admin);
    expect(listed.find((p) => p.code === code)).toEqual(changed);
    expect(fresh.draftProblems).toContainEqual(
      expect.objectContaining({ path: 'name.en', code: 'required' }),
    );
  });

  it('refuses a code in use and keeps the draft when an edit is refused', async () => {
    const code = '1.000778.H48';
    await startProcedureDraft(as.admin, { code, 'name-vi': 'Một' });
    await expect(startProcedureDraft(as.admin, { code, 'name-vi': 'Hai' })).rejects.toThrow(ValidationError);
    await editProcedureDraft(as.admin, code, () => ({ ...finishedDraft(), code }));
    const before = await getProcedureDraft(as.admin, code);
    await expect(
      editProcedureDraft(as.admin, code, (draft) =>
        setProcessingTime(draft, { 'time-value': '1', 'time-unit': 'working_days' }),
      ),
    ).rejects.toThrow(ValidationError);
    await expect(
      editProcedureDraft(as.admin, code, (draft) => addField(draft, { 'field-type': 'text' })),
    ).rejects.toThrow(ValidationError);
    expect(await getProcedureDraft(as.admin, code)).toEqual(before);
  });

  it('is the admin’s of its own agency only', async () => {
    const code = '1.000779.H48';
    await startProcedureDraft(as.admin, { code, 'name-vi': 'Ba' });
    await expect(getProcedureDraft(as.reception, code)).rejects.toThrow(ForbiddenError);
    await expect(startProcedureDraft(as.reception, { code: '1.000780', 'name-vi': 'Bốn' })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(editProcedureDraft(as.reception, code, (d) => d)).rejects.toThrow(ForbiddenError);
    await expect(getProcedureDraft(as.otherAdmin, code)).rejects.toThrow(NotFoundError);
    expect((await listProcedureDrafts(as.otherAdmin)).map((p) => p.code)).not.toContain(code);
    await expect(listProcedureDrafts(as.reception)).rejects.toThrow(ForbiddenError);
    await expect(editProcedureDraft(as.otherAdmin, code, (d) => d)).rejects.toThrow(NotFoundError);
  });
});
