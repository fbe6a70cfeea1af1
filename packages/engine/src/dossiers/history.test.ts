// A dossier's history and published procedure versions are never rewritten: the tenant's own
// role may add rows, not change or remove them (migration 0005 revokes UPDATE and DELETE).
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedure } from '../testing.ts';
import { saveDossier } from './save-dossier.ts';

const database = useTestDatabase(2);
let slug: TenantSlug;

beforeAll(async () => {
  slug = await createTestTenant(database);
  const citizen = newId('usr');
  await withTenant(database, slug, async (db) => {
    await publishVersion(db, testProcedure, 'test');
    await db.insert(citizens).values({ id: citizen, email: 'a@example.vn', fullName: 'A' });
  });
  await saveDossier(
    { database, slug, actor: { kind: 'citizen', id: citizen } },
    {
      procedureCode: testProcedure.code,
      answers: { full_name: 'A', citizen_id: '001090000005', phone: '0912345673', purpose: 'xin_viec' },
      submit: true,
    },
  );
});

describe('history', () => {
  it.each([
    "update dossier_events set action = 'refuse'",
    'delete from dossier_events',
    "update procedure_versions set document = '{}'::jsonb",
    'delete from procedure_versions',
  ])('refuses "%s" to the tenant role', async (statement) => {
    const error = await withTenant(database, slug, (db) => db.execute(sql.raw(statement))).catch((e) => e);
    expect(String(error?.cause ?? error)).toMatch(/permission denied/);
    const [counts] = await withTenant(database, slug, (db) =>
      db.execute(
        sql`select (select count(*) from dossier_events)::int as events, (select count(*) from procedure_versions)::int as versions`,
      ),
    );
    expect(counts).toEqual({ events: 1, versions: 1 });
  });
});
