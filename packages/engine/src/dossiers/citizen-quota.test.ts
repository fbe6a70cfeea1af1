// Declarations of one citizen are counted one after another: a second declaration waits for the
// first one's transaction, then counts its file.
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierDocuments } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ConflictError } from '@motcua/domain';
import { useTestStorage } from '@motcua/storage/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../context.ts';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedureWithDocument } from '../testing.ts';
import { assertWithinQuota, citizenStorageUsed } from './citizen-quota.ts';
import { startUpload } from './documents.ts';
import { saveDossier } from './save-dossier.ts';

const database = useTestDatabase(4);
const storage = useTestStorage();
const quota = 1_000_000;
let slug: TenantSlug;
let citizen: EngineContext;
const dossierIds: string[] = [];

beforeAll(async () => {
  slug = await createTestTenant(database);
  const id = newId('usr');
  await withTenant(database, slug, async (db) => {
    await publishVersion(db, testProcedureWithDocument, 'test');
    await db.insert(citizens).values({ id, email: 'quota@example.vn', fullName: 'Công dân' });
  });
  citizen = { database, slug, actor: { kind: 'citizen', id } };
  for (let i = 0; i < 2; i += 1) {
    const saved = await saveDossier(citizen, {
      procedureCode: testProcedureWithDocument.code,
      answers: {
        full_name: 'Công dân',
        citizen_id: '048190001234',
        phone: '0912345678',
        purpose: 'xin_viec',
      },
    });
    dossierIds.push(saved.dossier.id);
  }
});

/** Whether a session of the run waits for a lock on a citizen's row. */
const waitsOnCitizen = async () => {
  const rows = await database.sql<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where wait_event_type = 'Lock' and query ilike '%from "citizens"%for update%'`;
  return (rows[0]?.n ?? 0) > 0;
};

describe('the quota check', () => {
  it('makes a second declaration wait for the first, and then counts the first one’s file', async () => {
    const citizenId = citizen.actor.id;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken: () => void = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      taken = resolve;
    });
    // A declaration of 600 KB, its transaction held open after the check.
    const first = withTenant(database, slug, async (db) => {
      await assertWithinQuota(db, citizenId, 600_000, quota);
      taken();
      await held;
      await db.insert(dossierDocuments).values({
        id: newId('doc'),
        dossierId: dossierIds[0] ?? '',
        kind: 'input',
        slot: 'ban_sao_cccd',
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        sizeBytes: 600_000,
        storageKey: 'uploads/x/y',
        uploadedBy: `citizen:${citizenId}`,
      });
    });
    await lockTaken;
    const second = startUpload(
      citizen,
      storage.forTenant(slug),
      dossierIds[1] ?? '',
      { slot: 'ban_sao_cccd', fileName: 'b.pdf', contentType: 'application/pdf', sizeBytes: 600_000 },
      { citizenQuotaBytes: quota },
    ).then(
      () => 'declared',
      (error: unknown) => error,
    );
    await expect.poll(waitsOnCitizen, { timeout: 10_000, interval: 20 }).toBe(true);
    release();
    await first;
    const outcome = await second;
    expect(outcome).toBeInstanceOf(ConflictError);
    expect((outcome as ConflictError).code).toBe('storage_quota_exceeded');
    expect(await withTenant(database, slug, (db) => citizenStorageUsed(db, citizenId))).toBe(600_000);
  });
});
