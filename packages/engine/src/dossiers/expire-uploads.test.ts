// Declared files never checked expire, row and object, after the agency's expiry time; so does
// whatever is left under `uploads/` from before then. Checked files, recent declarations and
// other agencies are untouched, and an expired declaration stops counting against the quota.
import { type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierDocuments } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import type { TenantStorage } from '@motcua/storage';
import { useTestStorage } from '@motcua/storage/testing';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../context.ts';
import { publishVersion } from '../procedures/publish-version.ts';
import { testProcedureWithDocument } from '../testing.ts';
import { citizenStorageUsed } from './citizen-quota.ts';
import { startUpload } from './documents.ts';
import { expireUploads } from './expire-uploads.ts';
import { saveDossier } from './save-dossier.ts';
import { verifyUpload } from './verify-upload.ts';

const database = useTestDatabase(4);
const storage = useTestStorage();
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const limits = { citizenQuotaBytes: 10 * 2 ** 20 };
const hour = 3_600_000;

interface Agency {
  slug: TenantSlug;
  files: TenantStorage;
  citizen: EngineContext;
  dossierId: string;
}

async function agency(): Promise<Agency> {
  const slug = await createTestTenant(database);
  await withTenant(database, slug, async (db) => {
    await publishVersion(db, testProcedureWithDocument, 'test');
    await db.insert(citizens).values({ id: 'usr_citizen', email: 'c@example.vn', fullName: 'Công dân' });
  });
  const citizen: EngineContext = { database, slug, actor: { kind: 'citizen', id: 'usr_citizen' } };
  const saved = await saveDossier(citizen, {
    procedureCode: testProcedureWithDocument.code,
    answers: { full_name: 'Công dân', citizen_id: '048190001234', phone: '0912345678', purpose: 'xin_viec' },
  });
  return { slug, files: storage.forTenant(slug), citizen, dossierId: saved.dossier.id };
}

/** Declares a file; `put` also uploads it through the signed URL. */
async function declared(a: Agency, put: boolean) {
  const started = await startUpload(
    a.citizen,
    a.files,
    a.dossierId,
    { slot: 'ban_sao_cccd', fileName: 'cccd.pdf', contentType: 'application/pdf', sizeBytes: pdf.byteLength },
    limits,
  );
  if (put) await a.files.sendUpload(started.upload, pdf);
  return { id: started.document.id, upload: started.upload };
}

const rowsOf = (a: Agency) =>
  withTenant(database, a.slug, (db) =>
    db.select({ id: dossierDocuments.id, status: dossierDocuments.status }).from(dossierDocuments),
  );
const keysOf = async (a: Agency) => {
  const keys: string[] = [];
  for await (const object of a.files.list()) keys.push(object.key);
  return keys.sort();
};
const age = (a: Agency, ids: string[], at: Date) =>
  withTenant(database, a.slug, (db) =>
    db.update(dossierDocuments).set({ createdAt: at }).where(inArray(dossierDocuments.id, ids)),
  );

let a: Agency;
let b: Agency;
beforeAll(async () => {
  a = await agency();
  b = await agency();
});

describe('expiring declared files', () => {
  it('removes old declarations and their objects, and leftovers under uploads/, and nothing else', async () => {
    // Objects are written now; the sweep runs "two hours later", so they are old enough.
    const now = new Date(Date.now() + 2 * hour);
    const oldUploaded = await Promise.all([1, 2, 3].map(() => declared(a, true)));
    const oldEmpty = await Promise.all([1, 2].map(() => declared(a, false)));
    const recent = await declared(a, false);
    const checked = await declared(a, true);
    await verifyUpload(a.citizen, a.files, a.dossierId, checked.id);
    // Bytes sent again through the checked file's URL land under uploads/, where nothing reads them.
    await a.files.sendUpload(checked.upload, pdf);
    const elsewhere = await declared(b, true);
    const old = [...oldUploaded, ...oldEmpty, checked].map((d) => d.id);
    await age(a, old, new Date(now.getTime() - 3 * hour));
    await age(a, [recent.id], new Date(now.getTime() - 10 * 60_000));
    await age(b, [elsewhere.id], new Date(now.getTime() - 3 * hour));
    const usedBefore = await withTenant(database, a.slug, (db) => citizenStorageUsed(db, 'usr_citizen'));
    expect(usedBefore).toBe(7 * pdf.byteLength);

    const expired = await expireUploads({ database, slug: a.slug }, a.files, {
      now,
      olderThanMinutes: 60,
      batch: 2,
    });
    expect(expired).toEqual({ rows: 5, leftovers: 1 });

    expect((await rowsOf(a)).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [
        { id: recent.id, status: 'pending' },
        { id: checked.id, status: 'verified' },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    const [checkedRow] = await withTenant(database, a.slug, (db) =>
      db
        .select({ key: dossierDocuments.storageKey })
        .from(dossierDocuments)
        .where(eq(dossierDocuments.id, checked.id)),
    );
    expect(await keysOf(a)).toEqual([checkedRow?.key]);
    expect(await withTenant(database, a.slug, (db) => citizenStorageUsed(db, 'usr_citizen'))).toBe(
      2 * pdf.byteLength,
    );

    // The other agency's old declaration is its own sweep's business.
    expect(await rowsOf(b)).toEqual([{ id: elsewhere.id, status: 'pending' }]);
    expect(await keysOf(b)).toEqual([`uploads/${b.dossierId}/${elsewhere.id}`]);
    expect(await expireUploads({ database, slug: a.slug }, a.files, { now, olderThanMinutes: 60 })).toEqual({
      rows: 0,
      leftovers: 0,
    });
  });

  it('refuses another agency’s storage', async () => {
    await expect(
      expireUploads({ database, slug: a.slug }, b.files, { now: new Date(), olderThanMinutes: 60 }),
    ).rejects.toThrow('another agency');
  });
});
