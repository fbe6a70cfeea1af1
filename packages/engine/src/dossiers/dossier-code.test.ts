import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedure } from '../testing.ts';
import { saveDossier } from './save-dossier.ts';

const database = useTestDatabase(10);
const answers = {
  full_name: 'Trần Văn Bình',
  citizen_id: '001090000001',
  phone: '0987654321',
  purpose: 'xin_viec',
};
let slug: TenantSlug;

beforeAll(async () => {
  slug = await createTestTenant(database);
  await withTenant(database, slug, (db) => publishVersion(db, testProcedure, 'test'));
});

async function citizensOf(count: number) {
  const ids = Array.from({ length: count }, () => newId('usr'));
  await withTenant(database, slug, (db) =>
    db
      .insert(citizens)
      .values(ids.map((id, i) => ({ id, email: `c${i}-${id}@example.vn`, fullName: 'Công dân' }))),
  );
  return ids;
}

describe('dossier codes', () => {
  it('numbers 200 concurrent submissions of one day 0001–0200, without a gap or a duplicate', async () => {
    const now = new Date('2026-03-02T02:00:00Z'); // Mon 2 Mar 2026, 09:00 in Vietnam
    const ids = await citizensOf(200);
    const saved = await Promise.all(
      ids.map((id) =>
        saveDossier(
          { database: database, slug, actor: { kind: 'citizen', id }, now: () => now },
          { procedureCode: testProcedure.code, answers, submit: true },
        ),
      ),
    );
    const numbers = saved.map((s) => Number(s.dossier.code?.split('-').at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(saved.map((s) => s.dossier.code?.slice(0, -5))).size).toBe(1);
    expect(saved[0]?.dossier.code).toMatch(/-260302-\d{4}$/);
  });

  it('takes no number for a refused submission, and starts again at 0001 the next day', async () => {
    const [first, second] = await citizensOf(2);
    const day = new Date('2026-03-03T02:00:00Z');
    const ctx = (id: string, now: Date) => ({
      database: database,
      slug,
      actor: { kind: 'citizen' as const, id },
      now: () => now,
    });
    await expect(
      saveDossier(ctx(first ?? '', day), { procedureCode: testProcedure.code, answers: {}, submit: true }),
    ).rejects.toThrow(/answers/i);
    const ok = await saveDossier(ctx(second ?? '', day), {
      procedureCode: testProcedure.code,
      answers,
      submit: true,
    });
    expect(ok.dossier.code).toMatch(/-260303-0001$/);
  });
});
