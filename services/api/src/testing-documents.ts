// Tests only (imported from tests): people and files for the document tests (integrity, quota, storage outages),
// over HTTP as a browser would, on tenants the test files make themselves.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, citizens, dossierDocuments, type StaffRole, staffUsers } from '@motcua/db/tenant';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { readJson, type TestApp, testDomain } from './testing.ts';

export type Who = { cookie: string; id: string; slug: TenantSlug };

export const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
/** Other bytes of the same size, opening as a Windows executable does. */
export const sameSizeExecutable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(pdf.byteLength - 2, 0x90)]);
export const answers = {
  full_name: 'Nguyễn Thị Hường',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};

export async function makePerson(
  t: TestApp,
  slug: TenantSlug,
  kind: 'citizen' | StaffRole,
  options: { id?: string; email?: string } = {},
): Promise<Who> {
  const id = options.id ?? newId('usr');
  const email = options.email ?? `${kind}-${id.slice(-6)}@example.vn`;
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id, email, fullName: 'Nguyễn Thị Hường' })
      : db.insert(staffUsers).values({ id, email, fullName: kind, role: kind, status: 'active' }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: kind === 'citizen' ? 'citizen' : 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  return { cookie: `motcua_session=${token}`, id, slug };
}

export function documentsClient(t: TestApp) {
  const call = (who: Who, path: string, init: { method?: string; body?: unknown } = {}) => {
    const host = `${who.slug}.${testDomain}`;
    return t.request(path, {
      host,
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        origin: `http://${host}`,
        cookie: who.cookie,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  };
  const draft = async (who: Who, procedureCode: string): Promise<string> => {
    const res = await call(who, '/api/dossiers', { body: { procedureCode, answers } });
    expect(res.status).toBe(200);
    return (await readJson(res)).dossier.id;
  };
  const declare = (who: Who, dossierId: string, sizeBytes: number, slot = 'ban_sao_cccd') =>
    call(who, `/api/dossiers/${dossierId}/documents`, {
      body: { slot, fileName: 'cccd.pdf', contentType: 'application/pdf', sizeBytes },
    });
  /** Declares, PUTs to the signed URL and returns the document with its upload target. */
  const uploaded = async (who: Who, dossierId: string, bytes: Buffer, slot?: string) => {
    const res = await declare(who, dossierId, bytes.byteLength, slot);
    expect(res.status, await res.clone().text()).toBe(201);
    const { document, upload } = await readJson(res);
    const put = await fetch(upload.url, { method: 'PUT', body: bytes, headers: upload.headers });
    expect(put.status).toBe(200);
    return { id: document.id as string, upload: upload as { url: string; headers: Record<string, string> } };
  };
  const verify = (who: Who, dossierId: string, documentId: string) =>
    call(who, `/api/dossiers/${dossierId}/documents/${documentId}/verify`, { body: {} });
  const download = (who: Who, dossierId: string, documentId: string) =>
    call(who, `/api/dossiers/${dossierId}/documents/${documentId}/content`);
  return { call, draft, declare, uploaded, verify, download };
}

/** Where a document's object is kept now, as its row says. */
export async function storageKeyOf(t: TestApp, slug: TenantSlug, documentId: string): Promise<string> {
  const [row] = await withTenant(t.deps.database, slug, (db) =>
    db
      .select({ key: dossierDocuments.storageKey })
      .from(dossierDocuments)
      .where(eq(dossierDocuments.id, documentId)),
  );
  if (!row) throw new Error(`No document ${documentId}.`);
  return row.key;
}

export const auditOf = (t: TestApp, slug: TenantSlug, action: string) =>
  withTenant(t.deps.database, slug, (db) =>
    db
      .select({ actor: auditLog.actor, subject: auditLog.subject, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, action)),
  );
