// The worker removes declared files never checked in every agency it serves, at start and then
// every interval; storage being away is logged (reason only) and changes nothing.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierDocuments } from '@motcua/db/tenant';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { publishVersion, saveDossier, startUpload } from '@motcua/engine';
import { testProcedureWithDocument } from '@motcua/engine/testing';
import { createMailer } from '@motcua/mail';
import { createStorage } from '@motcua/storage';
import { useTestStorage } from '@motcua/storage/testing';
import { freePort } from '@motcua/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { createUploadExpiryJob } from './upload-expiry-job.ts';
import { type RunningWorker, startWorker } from './worker.ts';

// A private database: the job must meet none of the other files' agencies.
const { database } = useIsolatedTestDatabase(4);
const storage = useTestStorage();
const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
const later = () => new Date(Date.now() + 3 * 3_600_000);

/** An agency with one file declared and uploaded, never checked, declared two hours ago. */
async function agencyWithStaleUpload(db: Database): Promise<TenantSlug> {
  const slug = await createTestTenant(db);
  await withTenant(db, slug, async (tx) => {
    await publishVersion(tx, testProcedureWithDocument, 'test');
    await tx.insert(citizens).values({ id: 'usr_c', email: 'c@example.vn', fullName: 'Công dân' });
  });
  const citizen = { database: db, slug, actor: { kind: 'citizen' as const, id: 'usr_c' } };
  const saved = await saveDossier(citizen, {
    procedureCode: testProcedureWithDocument.code,
    answers: { full_name: 'Công dân', citizen_id: '048190001234', phone: '0912345678', purpose: 'xin_viec' },
  });
  const files = storage.forTenant(slug);
  const started = await startUpload(
    citizen,
    files,
    saved.dossier.id,
    { slot: 'ban_sao_cccd', fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: pdf.byteLength },
    { citizenQuotaBytes: 2 ** 20 },
  );
  await files.sendUpload(started.upload, pdf);
  return slug;
}

const pendingOf = (slug: TenantSlug) =>
  withTenant(database, slug, async (db) => (await db.select().from(dossierDocuments)).length);
const objectsOf = async (slug: TenantSlug) => {
  let count = 0;
  for await (const _ of storage.forTenant(slug).list()) count += 1;
  return count;
};

let agencies: TenantSlug[] = [];
beforeAll(async () => {
  agencies = [await agencyWithStaleUpload(database), await agencyWithStaleUpload(database)];
});

describe('the upload expiry job', () => {
  const running = new Set<RunningWorker>();
  afterAll(async () => {
    for (const worker of running) await worker.stop();
  });

  it('logs storage being away per agency, with its reason only, and removes nothing', async () => {
    const away = createStorage({
      endpoint: `http://127.0.0.1:${await freePort()}`,
      region: 'ap-southeast-1',
      bucket: storage.bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    await createUploadExpiryJob({ database, storage: away, olderThanMinutes: 60, now: later, logger }).run();
    away.client.destroy();
    expect(lines.map(({ time: _, ...rest }) => rest)).toEqual(
      [...agencies].sort().map((tenant) => ({
        level: 'warn',
        msg: 'upload expiry failed',
        tenant,
        error: 'StorageUnavailableError:storage_unavailable',
        reason: 'ECONNREFUSED',
      })),
    );
    for (const slug of agencies) {
      expect(await pendingOf(slug)).toBe(1);
      expect(await objectsOf(slug)).toBe(1);
    }
  });

  it('runs when the worker starts, in every agency it serves', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const worker = await startWorker({
      database,
      mailer: createMailer({ from: 'Motcua <no-reply@motcua.vn>', log: () => {} }),
      sweepIntervalMs: 3_600_000,
      logger,
      uploadExpiry: createUploadExpiryJob({ database, storage, olderThanMinutes: 60, now: later, logger }),
    });
    running.add(worker);
    await worker.idle();
    for (const slug of agencies) {
      expect(await pendingOf(slug)).toBe(0);
      expect(await objectsOf(slug)).toBe(0);
    }
    expect(lines.filter((line) => line.includes('uploads expired'))).toHaveLength(2);
    await worker.stop();
  });
});
