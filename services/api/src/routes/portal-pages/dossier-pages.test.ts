// The citizen's dossier pages over HTTP with real PostgreSQL and S3: the list, a dossier with
// its papers and timeline, and each action taken through a plain form — checked through the
// JSON API, as the agency would see it.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierDocuments, dossierEvents, type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, useTestApp } from '../../testing.ts';
import { callApi, expectAccessiblePage, hostOf, textOf, visit, type Who } from './test-support.ts';

const t = useTestApp();
let slug: TenantSlug;
const people = {} as Record<'citizen' | 'other' | StaffRole, Who>;

async function addPerson(kind: 'citizen' | StaffRole): Promise<Who> {
  const id = newId('usr');
  const email = `${id.toLowerCase()}@example.vn`;
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
  return { cookie: `motcua_session=${token}`, id };
}

const answers = {
  full_name: 'Nguyễn Thị Hường',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};

/** A procedure whose paper is optional: filed without it, then asked for it as a supplement. */
const withOptionalPaper = {
  ...testProcedureWithDocument,
  code: '1.000003.H48',
  documents: testProcedureWithDocument.documents.map((d) => ({ ...d, required: false })),
  form: testProcedure.form,
};

async function fileDossier(submit: boolean, procedureCode = testProcedure.code) {
  const res = await callApi(t, slug, people.citizen, '/api/dossiers', {
    procedureCode,
    answers,
    submit,
  });
  expect(res.status).toBe(submit ? 201 : 200);
  return (await readJson(res)).dossier as { id: string; code: string | null };
}

async function act(who: Who, id: string, action: string, input: Record<string, unknown> = {}) {
  const res = await callApi(t, slug, who, `/api/dossiers/${id}/actions/${action}`, { input });
  expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
}

const stateOf = async (id: string) =>
  (await readJson(await callApi(t, slug, people.citizen, `/api/dossiers/${id}`))).dossier;

async function page(who: Who | undefined, path: string, status = 200) {
  const res = await visit(t, slug, who, path);
  expect(res.status, path).toBe(status);
  const html = await res.text();
  expectAccessiblePage(html, path.includes('lang=en') ? 'en' : 'vi');
  return html;
}

/** Posts a form as the citizen; a success is a 303 back to the dossier with a notice. */
const post = (id: string, action: string, form: Record<string, string>, who = people.citizen) =>
  visit(t, slug, who, `/dossiers/${id}/${action}`, form);

async function takeToResult(id: string) {
  await act(people.reception, id, 'receive');
  await act(people.reception, id, 'assign', { assigneeId: people.specialist.id });
  await act(people.specialist, id, 'complete-step');
  await act(people.specialist, id, 'submit-for-approval');
  await act(people.approver, id, 'approve');
  const bytes = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  const started = await callApi(t, slug, people.clerk, `/api/dossiers/${id}/documents`, {
    slot: 'result',
    fileName: 'ket-qua.pdf',
    contentType: 'application/pdf',
    sizeBytes: bytes.byteLength,
  });
  const { document, upload } = await readJson(started);
  expect((await fetch(upload.url, { method: 'PUT', body: bytes, headers: upload.headers })).status).toBe(200);
  await callApi(t, slug, people.clerk, `/api/dossiers/${id}/documents/${document.id}/verify`, {});
  await act(people.clerk, id, 'issue-result', { resultDocuments: [document.id] });
  await act(people.reception, id, 'return-result', { method: 'online' });
  return document.id as string;
}

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  await withTenant(t.deps.database, slug, async (db) => {
    await publishVersion(db, testProcedure, 'test');
    await publishVersion(db, withOptionalPaper, 'test');
  });
  for (const kind of ['citizen', 'other', 'reception', 'specialist', 'approver', 'clerk'] as const) {
    people[kind] = await addPerson(kind === 'other' ? 'citizen' : kind);
  }
});

describe('my dossiers', () => {
  it('sends visitors to sign in', async () => {
    for (const path of ['/dossiers', '/dossiers/dos_x', '/dossiers/dos_x/withdraw']) {
      const res = await visit(t, slug, undefined, path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/sign-in');
    }
  });

  it('lists the citizen’s own, newest first: a draft to continue, a submitted one with its status', async () => {
    const submitted = await fileDossier(true);
    const draft = await fileDossier(false);
    const list = await visit(t, slug, people.citizen, '/dossiers');
    expect(list.headers.get('cache-control')).toBe('no-store');
    const html = await page(people.citizen, '/dossiers');
    const draftAt = html.indexOf(`href="/dossiers/${draft.id}/edit"`);
    const submittedAt = html.indexOf(`href="/dossiers/${submitted.id}"`);
    expect(draftAt).toBeGreaterThan(0);
    expect(submittedAt).toBeGreaterThan(draftAt);
    expect(textOf(html)).toContain(`${submitted.code} Cấp giấy xác nhận thử nghiệm Mới đăng ký`);
    expect(html).toContain('<th scope="col">Trạng thái</th>');
    const others = await page(people.other, '/dossiers');
    expect(others).not.toContain(submitted.id);
    expect(textOf(others)).toContain('Bạn chưa có hồ sơ nào');
  });
});

describe('a dossier', () => {
  it('leaves /dossiers/new to the dossier form’s routes (mounted after these)', async () => {
    const res = await visit(t, slug, people.citizen, `/dossiers/new?procedure=${testProcedure.code}`);
    expect(res.status).not.toBe(404);
    expect(await res.text()).not.toContain('Không tìm thấy trang');
  });

  it('shows the status, papers, timeline and what the citizen may do; another citizen gets 404', async () => {
    const { id, code } = await fileDossier(true);
    await act(people.reception, id, 'receive');
    const html = await page(people.citizen, `/dossiers/${id}`);
    const text = textOf(html);
    expect(text).toContain(`Hồ sơ ${code}`);
    expect(text).toContain('Được tiếp nhận');
    expect(text).toContain('Nộp hồ sơ');
    expect(text).toContain('Tiếp nhận hồ sơ');
    expect(text).toContain('50.000 đ (chưa nộp)');
    expect(html).toContain(`href="/api/dossiers/${id}/forms/receipt?lang=vi"`);
    expect(html).toContain(`href="/dossiers/${id}/withdraw"`);
    expect(html).toContain('id="feedback-form"');
    expect(html).not.toContain('id="rate-form"');
    expect(html).not.toContain('usr_');
    const en = await page(people.citizen, `/dossiers/${id}?lang=en`);
    expect(textOf(en)).toContain('Received');
    expect(en).toContain(`href="/api/dossiers/${id}/forms/receipt?lang=en"`);
    expect((await visit(t, slug, people.other, `/dossiers/${id}`)).status).toBe(404);
    expect((await post(id, 'withdraw', { reason: 'x' }, people.other)).status).toBe(404);
    expect((await stateOf(id)).state).toBe('received');
  });

  it('withdraws only after a confirmation step, and refuses a stale form', async () => {
    const { id } = await fileDossier(true);
    const confirm = await page(people.citizen, `/dossiers/${id}/withdraw`);
    expect(textOf(confirm)).toContain('Bạn không thể hoàn tác');
    expect(confirm).toContain('id="withdraw-confirm"');
    const stale = await post(id, 'withdraw', { reason: '', revision: '0' });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Hồ sơ vừa có thay đổi');
    const { revision } = await stateOf(id);
    const done = await post(id, 'withdraw', { reason: 'Không cần nữa', revision: String(revision) });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/dossiers/${id}?done=withdraw`);
    expect(await stateOf(id)).toMatchObject({ state: 'withdrawn', nationalStatus: 7 });
    const after = await page(people.citizen, `/dossiers/${id}?done=withdraw`);
    expect(textOf(after)).toContain('Hồ sơ đã được rút');
    expect(textOf(after)).toContain('Rút hồ sơ theo yêu cầu');
    expect(textOf(after)).toContain('Không cần nữa');
    expect(after).not.toContain(`href="/dossiers/${id}/withdraw"`);
    const again = await visit(t, slug, people.citizen, `/dossiers/${id}/withdraw`);
    expect(again.status).toBe(303);
  });

  it('answers a supplement request, with an error summary when the answer is empty', async () => {
    const { id } = await fileDossier(true);
    await act(people.reception, id, 'request-supplement', {
      missing: [{ document: 'Giấy xác nhận cư trú', reason: 'Bản chụp bị mờ' }],
    });
    const html = await page(people.citizen, `/dossiers/${id}`);
    expect(textOf(html)).toMatch(/Giấy xác nhận cư trú\s*: Bản chụp bị mờ/);
    expect(html).toContain(`href="/api/dossiers/${id}/forms/supplement-request?lang=vi"`);
    const empty = await post(id, 'supplement', { answer: '  ' });
    expect(empty.status).toBe(400);
    const shown = await empty.text();
    expectAccessiblePage(shown, 'vi');
    expect(shown).toContain('href="#answer"');
    expect(shown).toContain('aria-describedby="answer-hint answer-error"');
    const sent = await post(id, 'supplement', { answer: 'Đã gửi bản chụp rõ qua bưu điện' });
    expect(sent.status).toBe(303);
    expect((await stateOf(id)).state).toBe('submitted');
    expect(textOf(await page(people.citizen, `/dossiers/${id}`))).toContain(
      'Đã gửi bản chụp rõ qua bưu điện',
    );
  });

  it('answers a supplement request with a paper: a file that is not what it claims is refused and nothing is sent', async () => {
    const { id } = await fileDossier(true, withOptionalPaper.code);
    await act(people.reception, id, 'request-supplement', {
      missing: [{ document: 'Bản sao CCCD', reason: 'Chưa nộp' }],
    });
    const html = await page(people.citizen, `/dossiers/${id}`);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<option value="ban_sao_cccd" selected="">Bản sao căn cước công dân</option>');
    const revision = String((await stateOf(id)).revision);
    const send = (file: File, who = people.citizen) => {
      const form = new FormData();
      form.set('revision', revision);
      form.set('paper', 'ban_sao_cccd');
      form.set('answer', '');
      form.set('paper-file', file);
      return t.request(`/dossiers/${id}/supplement`, {
        host: hostOf(slug),
        method: 'POST',
        headers: { accept: 'text/html', origin: `http://${hostOf(slug)}`, cookie: who.cookie },
        body: form,
      });
    };
    const papersOf = () =>
      withTenant(t.deps.database, slug, (db) =>
        db
          .select({ id: dossierDocuments.id, status: dossierDocuments.status })
          .from(dossierDocuments)
          .where(eq(dossierDocuments.dossierId, id)),
      );
    // An HTML page renamed .pdf: its bytes say what it is.
    const fake = await send(
      new File(['<html><script>x</script></html>'], 'cccd.pdf', { type: 'application/pdf' }),
    );
    expect(fake.status).toBe(400);
    const shown = await fake.text();
    expectAccessiblePage(shown, 'vi');
    expect(shown).toContain('href="#paper-file"');
    expect(shown).toContain('aria-describedby="paper-file-hint paper-file-error"');
    expect((await stateOf(id)).state).toBe('supplement_requested');
    expect(await papersOf()).toEqual([]);
    // Another citizen cannot attach anything to it.
    const pdf = new File(['%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'], 'cccd.pdf');
    expect((await send(pdf, people.other)).status).toBe(404);
    expect(await papersOf()).toEqual([]);

    const sent = await send(pdf);
    expect(sent.status).toBe(303);
    expect((await stateOf(id)).state).toBe('submitted');
    const [paper] = await papersOf();
    expect(paper?.status).toBe('verified');
    const [event] = await withTenant(t.deps.database, slug, (db) =>
      db
        .select({ data: dossierEvents.data })
        .from(dossierEvents)
        .where(and(eq(dossierEvents.dossierId, id), eq(dossierEvents.action, 'supplement'))),
    );
    expect(event?.data).toEqual({ documents: { ban_sao_cccd: [paper?.id] } });
  });

  it('offers the result and a rating once returned; a rating needs a score and is given once', async () => {
    const { id } = await fileDossier(true);
    const resultId = await takeToResult(id);
    const html = await page(people.citizen, `/dossiers/${id}`);
    expect(textOf(html)).toContain('Đã trả kết quả');
    expect(html).toContain(`href="/api/dossiers/${id}/documents/${resultId}/content"`);
    expect(html).toContain('<label for="score-5">');
    const noScore = await post(id, 'rate', { comment: 'Tốt' });
    expect(noScore.status).toBe(400);
    const shown = await noScore.text();
    expectAccessiblePage(shown, 'vi');
    expect(shown).toContain('href="#score-5"');
    expect(shown).toContain('>Tốt</textarea>');
    const rated = await post(id, 'rate', { score: '4', comment: 'Đúng hẹn' });
    expect(rated.status).toBe(303);
    expect((await stateOf(id)).rating).toBe(4);
    const after = await page(people.citizen, `/dossiers/${id}?done=rate`);
    expect(textOf(after)).toContain('4 — Hài lòng');
    expect(after).not.toContain('id="rate-form"');
    expect((await post(id, 'rate', { score: '1' })).status).toBe(409);
    expect((await stateOf(id)).rating).toBe(4);
    const download = await callApi(
      t,
      slug,
      people.citizen,
      `/api/dossiers/${id}/documents/${resultId}/content`,
    );
    expect(download.status).toBe(200);
  });

  it('files feedback on the dossier, naming the fields to fix first', async () => {
    const { id } = await fileDossier(true);
    const short = await post(id, 'feedback', { subject: 'Hi', body: 'Ngắn' });
    expect(short.status).toBe(400);
    const shown = await short.text();
    expectAccessiblePage(shown, 'vi');
    expect(shown).toContain('href="#subject"');
    expect(shown).toContain('href="#body"');
    const sent = await post(id, 'feedback', {
      subject: 'Chậm trả lời',
      body: 'Hồ sơ đã nộp ba ngày chưa được tiếp nhận.',
    });
    expect(sent.status).toBe(303);
    const { feedback } = await readJson(await callApi(t, slug, people.citizen, '/api/feedback'));
    expect(feedback).toEqual(
      expect.arrayContaining([expect.objectContaining({ dossierId: id, subject: 'Chậm trả lời' })]),
    );
  });
});
