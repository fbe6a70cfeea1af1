// A checked file cannot be swapped: once checked, the file lives under a key no upload URL was
// signed for, and every download (the citizen's, staff's, a template) is compared with the size,
// SHA-256 and type recorded at the check, and refused, audited, when it no longer matches.
import { createHash } from 'node:crypto';
import type { TenantSlug } from '@motcua/db';
import { withTenant } from '@motcua/db';
import { procedureTemplates } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';
import {
  answers,
  auditOf,
  documentsClient,
  makePerson,
  pdf,
  sameSizeExecutable,
  storageKeyOf,
  type Who,
} from '../../testing-documents.ts';

const t = useTestApp();
const { call, draft, uploaded, verify, download } = documentsClient(t);
let slug: TenantSlug;
let citizen: Who;
let reception: Who;
let admin: Who;

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  await withTenant(t.deps.database, slug, async (db) => {
    await publishVersion(db, testProcedureWithDocument, 'test');
  });
  citizen = await makePerson(t, slug, 'citizen');
  reception = await makePerson(t, slug, 'reception');
  admin = await makePerson(t, slug, 'admin');
});

async function checkedFile(): Promise<{
  dossierId: string;
  documentId: string;
  url: string;
  headers: Record<string, string>;
}> {
  const dossierId = await draft(citizen, testProcedureWithDocument.code);
  const file = await uploaded(citizen, dossierId, pdf);
  expect((await verify(citizen, dossierId, file.id)).status).toBe(200);
  return { dossierId, documentId: file.id, ...file.upload };
}

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('a checked file', () => {
  it('is not changed by bytes PUT again through the upload URL it was signed for', async () => {
    const { dossierId, documentId, url, headers } = await checkedFile();
    const again = await fetch(url, { method: 'PUT', body: sameSizeExecutable, headers });
    // S3 may take the bytes (the URL is valid for 15 minutes): they land where nothing reads.
    expect([200, 403]).toContain(again.status);

    const mine = await download(citizen, dossierId, documentId);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect((await bytesOf(mine)).equals(pdf)).toBe(true);

    const submitted = await call(citizen, '/api/dossiers', {
      body: {
        procedureCode: testProcedureWithDocument.code,
        dossierId,
        answers: { ...answers, cccd_file: [documentId] },
        submit: true,
      },
    });
    expect(submitted.status).toBe(201);
    const staffCopy = await download(reception, dossierId, documentId);
    expect(staffCopy.status).toBe(200);
    expect((await bytesOf(staffCopy)).equals(pdf)).toBe(true);
    // Checking again changes nothing either.
    expect((await readJson(await verify(citizen, dossierId, documentId))).document).toMatchObject({
      status: 'verified',
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    expect((await bytesOf(await download(citizen, dossierId, documentId))).equals(pdf)).toBe(true);
  });

  it('is refused, with an audit row naming only the file, when its object is replaced in storage', async () => {
    const { dossierId, documentId } = await checkedFile();
    const files = t.deps.storage.forTenant(slug);
    const key = await storageKeyOf(t, slug, documentId);
    await files.put(key, sameSizeExecutable, 'application/pdf');

    const refused = await download(citizen, dossierId, documentId);
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).error).toMatchObject({ code: 'file_altered' });
    await files.put(key, Buffer.concat([pdf, Buffer.from('% more')]), 'application/pdf');
    expect((await download(citizen, dossierId, documentId)).status).toBe(409);

    const rows = (await auditOf(t, slug, 'storage.file_altered')).filter((r) => r.subject === dossierId);
    expect(rows).toHaveLength(2);
    for (const mismatch of ['sha256', 'size']) {
      expect(rows).toContainEqual({
        actor: `citizen:${citizen.id}`,
        subject: dossierId,
        details: { documentId, kind: 'input', mismatch },
      });
    }
    expect(t.logLines.some((line) => line.includes('stored file altered'))).toBe(true);

    // The original bytes back in place: served again.
    await files.put(key, pdf, 'application/pdf');
    expect((await bytesOf(await download(citizen, dossierId, documentId))).equals(pdf)).toBe(true);
  });
});

describe('a template', () => {
  it('is refused, audited, when its stored object no longer matches what was uploaded', async () => {
    const code = '1.000031.H48';
    const file = 'mau-to-khai.docx';
    const document = {
      id: 'to_khai',
      name: { vi: 'Tờ khai', en: 'Declaration' },
      required: true,
      copies: { originals: 1, copies: 0 },
      templateFile: file,
      acceptedTypes: ['pdf'],
      maxSizeBytes: 1_000_000,
    };
    const saved = await call(admin, `/api/admin/procedures/${code}/draft`, {
      method: 'PUT',
      body: { draft: { ...testProcedure, code, documents: [document] } },
    });
    expect(saved.status).toBe(200);
    const docx = Buffer.from('PK\u0003\u0004 tờ khai mẫu');
    const host = `${slug}.${testDomain}`;
    const put = await t.request(`/api/admin/procedures/${code}/templates/${file}`, {
      host,
      method: 'PUT',
      headers: { origin: `http://${host}`, cookie: admin.cookie, 'content-type': 'application/octet-stream' },
      body: docx,
    });
    expect(put.status).toBe(200);
    expect((await call(admin, `/api/admin/procedures/${code}/publish`, { body: {} })).status).toBe(200);
    const get = () => t.request(`/api/procedures/${code}/templates/${file}`, { host });
    const served = await get();
    expect(served.status).toBe(200);
    expect((await bytesOf(served)).equals(docx)).toBe(true);

    const [record] = await withTenant(t.deps.database, slug, (db) => db.select().from(procedureTemplates));
    expect(record).toMatchObject({
      fileName: file,
      sizeBytes: docx.byteLength,
      sha256: createHash('sha256').update(docx).digest('hex'),
    });
    const swapped = Buffer.from(docx);
    swapped.write('<h', 0);
    await t.deps.storage.forTenant(slug).put(String(record?.storageKey), swapped);
    const refused = await get();
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).error.code).toBe('file_altered');
    expect((await auditOf(t, slug, 'storage.file_altered')).filter((r) => r.subject === code)).toEqual([
      { actor: 'public', subject: code, details: { file, mismatch: 'sha256' } },
    ]);
  });
});
