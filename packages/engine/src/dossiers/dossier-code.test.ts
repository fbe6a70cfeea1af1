import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierCodeSequences, dossiers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { LimitExceededError } from '@motcua/domain';
import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedure } from '../testing.ts';
import { lastDossierNumberOfDay } from './dossier-code.ts';
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

  const submitOn = (id: string, now: Date) =>
    saveDossier(
      { database, slug, actor: { kind: 'citizen', id }, now: () => now },
      { procedureCode: testProcedure.code, answers, submit: true },
    );

  it('widens the sequence past 9999 instead of refusing the day’s 10,000th dossier', async () => {
    const now = new Date('2026-03-04T02:00:00Z');
    await withTenant(database, slug, (db) =>
      db.insert(dossierCodeSequences).values({ day: '2026-03-04', last: 9998 }),
    );
    const ids = await citizensOf(3);
    const codes: string[] = [];
    for (const id of ids) codes.push((await submitOn(id, now)).dossier.code ?? '');
    expect(codes.map((code) => code.split('-').slice(1).join('-'))).toEqual([
      '260304-9999',
      '260304-10000',
      '260304-10001',
    ]);
    const stored = await withTenant(database, slug, (db) =>
      db.select({ code: dossiers.code }).from(dossiers).where(like(dossiers.code, '%-260304-%')),
    );
    expect(stored.map((row) => row.code).sort()).toEqual([...codes].sort());
  });

  it('refuses a submission past the counter’s last number as a limit of the day, storing nothing', async () => {
    const now = new Date('2026-03-05T16:00:00Z'); // 23:00 in Vietnam: the next day starts in an hour
    await withTenant(database, slug, (db) =>
      db.insert(dossierCodeSequences).values({ day: '2026-03-05', last: lastDossierNumberOfDay - 1 }),
    );
    const [first, second] = await citizensOf(2);
    expect((await submitOn(first ?? '', now)).dossier.code).toMatch(/-260305-2147483647$/);
    const refused = await submitOn(second ?? '', now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LimitExceededError);
    expect((refused as LimitExceededError).retryAfterSeconds).toBe(3600);
    expect((refused as LimitExceededError).facts).toEqual({
      limit: 'dossier_numbers_per_day',
      max: lastDossierNumberOfDay,
    });
    const kept = await withTenant(database, slug, (db) =>
      db
        .select({ id: dossiers.id })
        .from(dossiers)
        .where(eq(dossiers.ownerId, second ?? '')),
    );
    expect(kept).toEqual([]);
  });
});
