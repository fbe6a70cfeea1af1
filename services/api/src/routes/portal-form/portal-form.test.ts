// The citizen's dossier form over HTTP, as a browser without JavaScript uses it: start a draft,
// see every field type, get an error summary that keeps what was typed, upload a PDF, review,
// submit twice and get one dossier, and read the receipt. Real PostgreSQL and S3.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierCodeSequences, dossierDocuments, dossiers, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { actOnDossier, publishVersion } from '@motcua/engine';
import { DossierReceiptPage } from '@motcua/ui';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantFingerprint } from '../../security-cases.ts';
import { readJson, testDomain, useTestApp } from '../../testing.ts';
import {
  citizenBrowser,
  everyFieldProcedure,
  expectAccessiblePage,
  goodForm,
  pdfBytes,
} from './test-support.ts';

const t = useTestApp();
const code = everyFieldProcedure.code;
let slug: TenantSlug;
let host: string;
const cookies: Record<'citizen' | 'other' | 'reception', string> = { citizen: '', other: '', reception: '' };
const ids: Record<string, string> = {};

async function session(kind: 'citizen' | 'reception', email: string) {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id, email, fullName: 'Nguyễn Thị Hường' })
      : db
          .insert(staffUsers)
          .values({ id, email, fullName: 'Tiếp nhận', role: 'reception', status: 'active' }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: kind === 'citizen' ? 'citizen' : 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  ids[email] = id;
  return `motcua_session=${token}`;
}

const as = (who: keyof typeof cookies) => citizenBrowser(t, host, cookies[who]);

/** Starts a draft of the test procedure and returns its id. */
async function startDraft() {
  const res = await as('citizen').get(`/dossiers/new?procedure=${code}`);
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/dossiers\/dos_[^/]+\/edit$/);
  return location.split('/')[2] ?? '';
}

const storedDossier = async (id: string) => {
  const [row] = await withTenant(t.deps.database, slug, (db) =>
    db.select().from(dossiers).where(eq(dossiers.id, id)),
  );
  return row;
};

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  host = `${slug}.${testDomain}`;
  await withTenant(t.deps.database, slug, (db) => publishVersion(db, everyFieldProcedure, 'test'));
  cookies.citizen = await session('citizen', 'huong@example.vn');
  cookies.other = await session('citizen', 'khac@example.vn');
  cookies.reception = await session('reception', 'tiepnhan@a.gov.vn');
});

describe('who may use the form', () => {
  it('sends a signed-out person to sign in, on the host and on the path fallback, and writes nothing', async () => {
    const before = await tenantFingerprint(t, slug);
    const anonymous = citizenBrowser(t, host, undefined);
    for (const path of [
      `/dossiers/new?procedure=${code}`,
      '/dossiers/dos_x/edit',
      '/dossiers/dos_x/receipt',
    ]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe('/sign-in');
    }
    expect((await anonymous.post('/dossiers/dos_x/edit', goodForm)).headers.get('location')).toBe('/sign-in');
    const onPath = citizenBrowser(t, testDomain, undefined);
    const res = await onPath.get(`/t/${slug}/dossiers/new?procedure=${code}`);
    expect(res.headers.get('location')).toBe(`/t/${slug}/sign-in`);
    expect(await tenantFingerprint(t, slug)).toEqual(before);
  });

  it('shows staff a 403 page and an unknown procedure a 404 page', async () => {
    const staff = await as('reception').get(`/dossiers/new?procedure=${code}`);
    expect(staff.status).toBe(403);
    expectAccessiblePage(await staff.text(), 'vi');
    expect((await as('citizen').get('/dossiers/new?procedure=1.999999')).status).toBe(404);
    expect((await as('citizen').get('/dossiers/new')).status).toBe(404);
  });
});

describe('the form', () => {
  it('renders every field type with its label, and hides what a condition hides', async () => {
    const id = await startDraft();
    const res = await as('citizen').get(`/dossiers/${id}/edit`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('<h1>Thủ tục có mọi loại câu hỏi</h1>');
    expect(html).toMatch(/<form id="dossier-form"[^>]*enctype="multipart\/form-data"/);
    expect(html).toMatch(/<input id="f-full_name" name="full_name" type="text"/);
    expect(html).toMatch(/<textarea id="f-note" name="note"/);
    expect(html).toMatch(/<input id="f-copies" name="copies" type="text"[^>]*inputmode="numeric"/);
    expect(html).toMatch(/<input id="f-birth_date" name="birth_date" type="date"/);
    expect(html).toMatch(/<select id="f-purpose" name="purpose"[\s\S]*?<option value="xin_viec">Xin việc/);
    expect(html).toMatch(/<input id="f-filed_by-0" name="filed_by" type="radio" value="self"/);
    expect(html).toMatch(/<input id="f-email" name="email" type="email"/);
    expect(html).toMatch(/<input id="f-phone" name="phone" type="tel"/);
    expect(html).toMatch(/<input id="f-citizen_id" name="citizen_id" type="text"[^>]*inputmode="numeric"/);
    expect(html).toMatch(/<select id="f-address-province" name="address.province"/);
    expect(html.match(/<option value="\d\d">/g)).toHaveLength(34);
    expect(html).toContain('<option value="48">Đà Nẵng</option>');
    expect(html).toMatch(/<input id="f-address-commune" name="address.commune"/);
    expect(html).toMatch(/<input id="f-address-street" name="address.street"/);
    expect(html).toMatch(/<input id="f-agree" name="agree" type="checkbox" value="true"/);
    expect(html).toMatch(/<input id="doc-id_card-file" name="_file.id_card" type="file"/);
    expect(html).toMatch(/formaction="\/dossiers\/[^"]+\/files" name="_document" value="id_card"/);
    // The optional paper without a field of its own is listed under the papers heading.
    expect(html).toContain('<h2 id="documents-heading">Giấy tờ kèm theo</h2>');
    expect(html).toContain('id="doc-photo-file"');
    // Shown only to a representative.
    expect(html).not.toContain('authorisation');
    expect(html).toContain('id="update-form"');
    expect(html).toContain('<script src="/assets/portal-form/upload.js" defer=""></script>');
    const script = await citizenBrowser(t, host, undefined).get('/assets/portal-form/upload.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("getElementById('dossier-form')");

    const en = await as('citizen').get(`/dossiers/${id}/edit?lang=en`);
    const english = await en.text();
    expectAccessiblePage(english, 'en');
    expect(english).toContain('<h1>A procedure with every kind of question</h1>');
    expect(english).toMatch(/action="\/dossiers\/[^"]+\/edit\?lang=en"/);
    expect(english).toContain('Portrait photo');
  });

  it('applies conditions on "Update": the representative’s paper and its field appear, answers are kept', async () => {
    const id = await startDraft();
    const res = await as('citizen').post(`/dossiers/${id}/edit`, {
      ...goodForm,
      filed_by: 'representative',
      _action: 'update',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/dossiers/${id}/edit`);
    const html = await (await as('citizen').get(`/dossiers/${id}/edit`)).text();
    expect(html).toContain('id="doc-authorisation-file"');
    expect(html).toMatch(/value="representative" checked/);
    expect(html).toContain('value="Nguyễn Thị Hường"');
    expect(html).toMatch(/<option value="48" selected="">Đà Nẵng/);
    expect(html).toMatch(/<textarea[^>]*>Dòng một\r?\nDòng hai<\/textarea>/);
  });

  it('keeps the values and shows an error summary linking to each bad answer', async () => {
    const id = await startDraft();
    const { agree: _unticked, ...withoutAgree } = goodForm;
    const res = await as('citizen').post(`/dossiers/${id}/edit`, {
      ...withoutAgree,
      citizen_id: '12345',
      phone: '0236 382 2222',
      'address.commune': '',
      _action: 'continue',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toMatch(/<title>Lỗi: /);
    const links = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(['f-phone', 'f-citizen_id', 'f-address-commune', 'doc-id_card-file', 'f-agree']);
    expect(html).toContain('value="12345"');
    expect(html).toContain('value="0236 382 2222"');
    expect(html).toMatch(/id="f-citizen_id"[^>]*aria-describedby="f-citizen_id-hint f-citizen_id-error"/);
    expect(html).toMatch(/<p id="f-citizen_id-error" class="error-message">/);
    expect(html).toMatch(
      /id="f-address-commune"[^>]*aria-describedby="f-address-error"[^>]*aria-invalid="true"/,
    );
    // The draft kept what was typed, bad answers included, to be corrected later.
    const row = await storedDossier(id);
    expect(row?.answers).toMatchObject({ citizen_id: '12345', full_name: 'Nguyễn Thị Hường' });
    expect(row?.state).toBe('draft');
  });
});

describe('uploads without JavaScript', () => {
  it('streams a PDF to storage, has it checked, lists it, and refuses a file that is not one', async () => {
    const id = await startDraft();
    const pdf = new File([pdfBytes], 'can cuoc.pdf', { type: 'application/pdf' });
    const res = await as('citizen').post(
      `/dossiers/${id}/files`,
      { ...goodForm, _document: 'id_card' },
      { '_file.id_card': pdf },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/dossiers/${id}/edit?uploaded=1#doc-id_card`);
    const [stored] = await withTenant(t.deps.database, slug, (db) =>
      db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, id)),
    );
    expect(stored).toMatchObject({ slot: 'id_card', status: 'verified', sizeBytes: pdfBytes.byteLength });
    const html = await (await as('citizen').get(`/dossiers/${id}/edit?uploaded=1`)).text();
    expect(html).toContain('Đã tải lên và kiểm tra tệp.');
    expect(html).toMatch(/can cuoc\.pdf[\s\S]*?pf-tag-verified">Đã kiểm tra/);
    // The answers posted with the file were saved too.
    expect((await storedDossier(id))?.answers).toMatchObject({ full_name: 'Nguyễn Thị Hường' });

    const text = new File(['not a pdf at all'], 'ghi-chu.pdf', { type: 'application/pdf' });
    const refused = await as('citizen').post(
      `/dossiers/${id}/files`,
      { ...goodForm, _document: 'id_card' },
      { '_file.id_card': text },
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('<a href="#doc-id_card-file">Tệp phải là PDF</a>');
    const empty = await as('citizen').post(`/dossiers/${id}/files`, { ...goodForm, _document: 'id_card' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Chọn một tệp để tải lên');
  });
});

describe('review, submit and receipt', () => {
  let id = '';
  let dossierCode = '';

  it('reviews the answers, the file and the fee', async () => {
    id = await startDraft();
    const pdf = new File([pdfBytes], 'can-cuoc.pdf', { type: 'application/pdf' });
    await as('citizen').post(
      `/dossiers/${id}/files`,
      { ...goodForm, _document: 'id_card' },
      { '_file.id_card': pdf },
    );
    const next = await as('citizen').post(`/dossiers/${id}/edit`, { ...goodForm, _action: 'continue' });
    expect(next.status).toBe(303);
    expect(next.headers.get('location')).toBe(`/dossiers/${id}/review`);
    const res = await as('citizen').get(`/dossiers/${id}/review`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('Xin việc');
    expect(html).toContain('+84912345678');
    expect(html).toContain('17/05/1990');
    expect(html).toMatch(/12 Lê Duẩn[\s\S]*Phường Hải Châu[\s\S]*Đà Nẵng/);
    expect(html).toContain('can-cuoc.pdf');
    expect(html).toMatch(/<td class="pf-amount" id="fee-total">50\.000 đồng<\/td>/);
    expect(html).toMatch(/<th scope="col">Khoản<\/th>/);
    expect(html).toMatch(/<form id="submit-form" method="post" action="\/dossiers\/[^"]+\/submit"/);
  });

  it('submits once however often the button is pressed: the same code, one number taken', async () => {
    const { revision } = (await storedDossier(id)) ?? { revision: -1 };
    const submit = () => as('citizen').postForm(`/dossiers/${id}/submit`, { revision: String(revision) });
    const [first, second] = await Promise.all([submit(), submit()]);
    const third = await submit();
    for (const res of [first, second, third]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/dossiers/${id}/receipt`);
    }
    const row = await storedDossier(id);
    expect(row?.state).toBe('submitted');
    dossierCode = row?.code ?? '';
    expect(dossierCode).toMatch(/-\d{6}-0001$/);
    const sequences = await withTenant(t.deps.database, slug, (db) => db.select().from(dossierCodeSequences));
    expect(sequences.map((s) => s.last)).toEqual([1]);
    // Once submitted, the form is closed: its pages lead to the receipt.
    const edit = await as('citizen').get(`/dossiers/${id}/edit`);
    expect(edit.headers.get('location')).toBe(`/dossiers/${id}/receipt`);
  });

  it('shows the receipt with the code and a tracking key that public tracking accepts', async () => {
    const res = await as('citizen').get(`/dossiers/${id}/receipt`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain(`<p class="pf-code" id="dossier-code">${dossierCode}</p>`);
    const key = /<p class="pf-code" id="tracking-key">([A-Z0-9]{8})<\/p>/.exec(html)?.[1] ?? '';
    expect(key).toHaveLength(8);
    expect(html).toContain('Mới đăng ký');
    expect(html).not.toContain('id="receipt-pdf"');
    const tracked = await t.request(`/api/public/track?code=${dossierCode}&key=${key}`, { host });
    expect(tracked.status).toBe(200);
    expect((await readJson(tracked)).code).toBe(dossierCode);
    // The QR code carries the tracking address with the code and key, drawn without inline styles.
    expect(html).toMatch(/<figure class="pf-qr"[^>]*><svg[^>]*>.*<path/s);
    expect(html).not.toMatch(/style=/);
  });

  it('adds the due date and the printed receipt once the desk has received the dossier', async () => {
    await actOnDossier(
      {
        database: t.deps.database,
        slug,
        now: t.deps.clock,
        actor: { kind: 'staff', id: ids['tiepnhan@a.gov.vn'] ?? '', role: 'reception' },
      },
      { dossierId: id, action: 'receive', input: {} },
    );
    const html = await (await as('citizen').get(`/dossiers/${id}/receipt?lang=en`)).text();
    expectAccessiblePage(html, 'en');
    expect(html).toContain('Received');
    expect(html).toMatch(/<dd id="due-at">\d\d\/\d\d\/\d{4}/);
    expect(html).toContain(`href="/api/dossiers/${id}/forms/receipt?lang=en"`);
  });

  it('answers another citizen 404 on every page of this dossier, and changes nothing', async () => {
    const before = await tenantFingerprint(t, slug);
    const other = as('other');
    for (const path of ['edit', 'review', 'receipt']) {
      expect((await other.get(`/dossiers/${id}/${path}`)).status, path).toBe(404);
    }
    expect((await other.post(`/dossiers/${id}/edit`, { ...goodForm, _action: 'save' })).status).toBe(404);
    expect((await other.postForm(`/dossiers/${id}/submit`, { revision: '1' })).status).toBe(404);
    const draft = await startDraft();
    const fingerprint = await tenantFingerprint(t, slug);
    expect((await other.get(`/dossiers/${draft}/edit`)).status).toBe(404);
    const res = await other.post(
      `/dossiers/${draft}/files`,
      { _document: 'id_card' },
      {
        '_file.id_card': new File([pdfBytes], 'x.pdf'),
      },
    );
    expect(res.status).toBe(404);
    expect(await tenantFingerprint(t, slug)).toEqual(fingerprint);
    expect(before).not.toEqual(fingerprint);
  });
});

describe('the receipt page', () => {
  it('places a QR code given as SVG, and the due date and PDF once received', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><path d="M0 0h9v9H0z"/></svg>';
    const html = await DossierReceiptPage({
      locale: 'vi',
      siteName: 'UBND thành phố Đà Nẵng',
      basePath: '/t/da-nang',
      lang: undefined,
      dossierId: 'dos_1',
      procedureName: 'Cấp Phiếu lý lịch tư pháp',
      code: '000.00.13.H48-260212-0042',
      trackingKey: 'ABCDEFGH',
      nationalStatus: 2,
      submittedAt: '2026-02-12T02:00:00.000Z',
      dueAt: '2026-02-20T10:00:00.000Z',
      feeTotal: 200_000,
      qrSvg: svg,
    })?.toString();
    expect(html).toContain(`<figure class="pf-qr" aria-label="Mã QR để tra cứu hồ sơ">${svg}</figure>`);
    expect(html).toContain('<dd>12/02/2026 09:00</dd>');
    expect(html).toContain('<dd id="due-at">20/02/2026 17:00</dd>');
    expect(html).toContain('<dd>200.000 đồng</dd>');
    expect(html).toContain('href="/t/da-nang/api/dossiers/dos_1/forms/receipt"');
    expect(html).toContain('href="/t/da-nang/track?code=000.00.13.H48-260212-0042&amp;key=ABCDEFGH"');
    expect(html).not.toMatch(/\sstyle=/);
  });
});
