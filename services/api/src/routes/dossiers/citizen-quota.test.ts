// A citizen's storage at an agency is capped (here CITIZEN_STORAGE_QUOTA_MB=1): checked files and
// declared ones both count, refused ones do not, and a declaration past the cap is refused
// before anything is signed or written. Another agency's citizen never counts, even under the
// same id.
import { type TenantSlug, withTenant } from '@motcua/db';
import { dossierDocuments } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedureWithDocument } from '@motcua/engine/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, useTestApp } from '../../testing.ts';
import { documentsClient, makePerson, pdf, type Who } from '../../testing-documents.ts';

const t = useTestApp({ env: { CITIZEN_STORAGE_QUOTA_MB: '1' } });
const { draft, declare, uploaded, verify } = documentsClient(t);
const quota = 2 ** 20;
const code = testProcedureWithDocument.code;
let tenantA: TenantSlug;
let tenantB: TenantSlug;
let citizen: Who;
let neighbour: Who;
let sameIdElsewhere: Who;

const pdfOf = (size: number) => Buffer.concat([pdf, Buffer.alloc(size - pdf.byteLength, 0x20)]);
const rowCount = (slug: TenantSlug) =>
  withTenant(t.deps.database, slug, async (db) => (await db.select().from(dossierDocuments)).length);

beforeAll(async () => {
  tenantA = await createTestTenant(t.deps.database);
  tenantB = await createTestTenant(t.deps.database);
  for (const slug of [tenantA, tenantB]) {
    await withTenant(t.deps.database, slug, (db) => publishVersion(db, testProcedureWithDocument, 'test'));
  }
  citizen = await makePerson(t, tenantA, 'citizen', { id: 'usr_quota_same_id' });
  neighbour = await makePerson(t, tenantA, 'citizen');
  sameIdElsewhere = await makePerson(t, tenantB, 'citizen', { id: 'usr_quota_same_id' });
});

describe('the storage quota per citizen', () => {
  it('counts checked files and declared ones, and refuses what would pass it before signing', async () => {
    const first = await draft(citizen, code);
    const second = await draft(citizen, code);
    expect((await declare(citizen, first, 600_000)).status).toBe(201);
    const checked = await uploaded(citizen, second, pdfOf(300_000));
    expect((await verify(citizen, second, checked.id)).status).toBe(200);

    const before = await rowCount(tenantA);
    const refused = await declare(citizen, second, 200_000);
    expect(refused.status).toBe(409);
    const body = await readJson(refused);
    expect(body.error).toEqual({
      code: 'storage_quota_exceeded',
      message: expect.stringContaining('at most 1.0 MiB'),
      details: { quotaBytes: quota, usedBytes: 900_000, requestedBytes: 200_000 },
    });
    expect(body.upload).toBeUndefined();
    expect(await rowCount(tenantA)).toBe(before);

    // Up to the quota exactly is taken.
    expect((await declare(citizen, second, quota - 900_000)).status).toBe(201);
    expect((await declare(citizen, second, 1)).status).toBe(409);
  });

  it('does not count a refused file, another citizen, or the same id at another agency', async () => {
    const dossier = await draft(neighbour, code);
    // Declared as 900 KB of PDF, sent as something else: refused and removed, so it frees its space.
    const liar = await uploaded(
      neighbour,
      dossier,
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(899_998)]),
    );
    expect((await verify(neighbour, dossier, liar.id)).status).toBe(400);
    expect((await declare(neighbour, dossier, 1_000_000)).status).toBe(201);

    // The same citizen id at agency B starts from nothing, whatever it holds at agency A.
    const elsewhere = await draft(sameIdElsewhere, code);
    expect((await declare(sameIdElsewhere, elsewhere, 1_000_000)).status).toBe(201);
    expect((await declare(sameIdElsewhere, elsewhere, 100_000)).status).toBe(409);
    // …and filling B took nothing from A.
    expect((await declare(neighbour, dossier, 48_576)).status).toBe(201);
  });

  it('serialises declarations made at once, so together they cannot pass the quota', async () => {
    const solo = await makePerson(t, tenantA, 'citizen');
    const dossiers = await Promise.all([1, 2, 3, 4].map(() => draft(solo, code)));
    const answers = await Promise.all(dossiers.map((id) => declare(solo, id, 400_000)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 409, 409]);
  });
});
