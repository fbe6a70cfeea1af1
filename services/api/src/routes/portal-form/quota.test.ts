// The storage quota on the form without JavaScript: a file that would take the citizen past it
// (CITIZEN_STORAGE_QUOTA_MB=1 here) comes back on the form, in the person's language, tied to
// the paper it was for, and nothing is declared.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierDocuments } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDomain, useTestApp } from '../../testing.ts';
import { citizenBrowser, everyFieldProcedure, goodForm, pdfBytes } from './test-support.ts';

const t = useTestApp({ env: { CITIZEN_STORAGE_QUOTA_MB: '1' } });
let slug: TenantSlug;
let host: string;
let cookie = '';

const pdfOf = (size: number) =>
  new File([pdfBytes, new Uint8Array(size - pdfBytes.byteLength).fill(0x20)], 'giay-to.pdf', {
    type: 'application/pdf',
  });
const documentCount = () =>
  withTenant(t.deps.database, slug, async (db) => (await db.select().from(dossierDocuments)).length);

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  host = `${slug}.${testDomain}`;
  await withTenant(t.deps.database, slug, (db) => publishVersion(db, everyFieldProcedure, 'test'));
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    db.insert(citizens).values({ id, email: 'quota@example.vn', fullName: 'Nguyễn Thị Hường' }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: 'citizen',
    principalId: id,
    twoFactorVerified: true,
  });
  cookie = `motcua_session=${token}`;
});

describe('the storage quota on the form', () => {
  it('shows a file past the quota as the paper’s error and declares nothing', async () => {
    const browser = citizenBrowser(t, host, cookie);
    const started = await browser.get(`/dossiers/new?procedure=${everyFieldProcedure.code}`);
    const id = (started.headers.get('location') ?? '').split('/')[2] ?? '';
    const post = (file: File) =>
      browser.post(`/dossiers/${id}/files`, { ...goodForm, _document: 'id_card' }, { '_file.id_card': file });
    expect((await post(pdfOf(900_000))).status).toBe(303);

    const before = await documentCount();
    const refused = await post(pdfOf(200_000));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(
      /<a href="#doc-id_card-file">Không thể nhận thêm tệp: tổng dung lượng tệp của bạn tại cơ quan này tối đa là [^<]+<\/a>/,
    );
    expect(await documentCount()).toBe(before);
  });
});
