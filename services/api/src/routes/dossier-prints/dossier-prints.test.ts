// A dossier on paper over HTTP: driven through its life on a fixed clock, printed on each form
// of Circular 03/2025 at the stage that calls for it and read back, its files downloaded; with
// the audit rows a staff print or download leaves, and who is refused what.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, citizens, type StaffRole, settings, staffUsers, units } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, useTestApp } from '../../testing.ts';
import {
  answers,
  at,
  count,
  hostOf,
  httpClient,
  printedText,
  scan,
  signedResult,
  type Who,
} from './test-support.ts';

const t = useTestApp();
let clock = at('2026-02-12T08:30:00');
const setClock = (local: string) => {
  clock = at(local);
};
const world = { tenantA: '' as TenantSlug, tenantB: '' as TenantSlug };
type Person = 'citizen' | 'otherCitizen' | 'reception' | 'specialist' | 'approver' | 'clerk' | 'receptionB';
const people = {} as Record<Person, Who>;
const { call, act, upload, submit, print, download } = httpClient(t, () => world.tenantA);

async function person(
  slug: TenantSlug,
  kind: 'citizen' | StaffRole,
  email: string,
  fullName: string,
  unitId?: string,
): Promise<Who> {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id, email, fullName })
      : db
          .insert(staffUsers)
          .values({ id, email, fullName, role: kind, status: 'active', unitId: unitId ?? null }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: kind === 'citizen' ? 'citizen' : 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  return { cookie: `motcua_session=${token}`, id };
}

const auditRows = (subject: string, action: string) =>
  withTenant(t.deps.database, world.tenantA, (db) =>
    db
      .select({ actor: auditLog.actor, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subject, subject), eq(auditLog.action, action))),
  );

beforeAll(async () => {
  t.deps.clock = () => clock;
  world.tenantA = await createTestTenant(t.deps.database);
  world.tenantB = await createTestTenant(t.deps.database);
  const unit = newId('uni');
  await withTenant(t.deps.database, world.tenantA, async (db) => {
    await db.insert(units).values({ id: unit, code: 'STP', name: 'Sở Tư pháp', kind: 'department' });
    await db.insert(settings).values([
      { key: 'display_name', value: 'Ủy ban nhân dân thành phố Đà Nẵng' },
      { key: 'place', value: 'Đà Nẵng' },
    ]);
    await publishVersion(db, testProcedure, 'test');
    await publishVersion(db, testProcedureWithDocument, 'test');
  });
  const { tenantA, tenantB } = world;
  people.citizen = await person(tenantA, 'citizen', 'huong@example.vn', 'Nguyễn Thị Hường');
  people.otherCitizen = await person(tenantA, 'citizen', 'khac@example.vn', 'Lê Văn Khác');
  people.reception = await person(tenantA, 'reception', 'tiepnhan@a.gov.vn', 'Trần Văn Đức');
  people.specialist = await person(tenantA, 'specialist', 'chuyenvien@a.gov.vn', 'Phạm Minh Khoa', unit);
  people.approver = await person(tenantA, 'approver', 'lanhdao@a.gov.vn', 'Lê Thị Mai');
  people.clerk = await person(tenantA, 'clerk', 'vanthu@a.gov.vn', 'Võ Thu Hà');
  people.receptionB = await person(tenantB, 'reception', 'tiepnhan@b.gov.vn', 'Đỗ Văn B');
});

describe('a dossier’s papers through its life (2026 calendar, Tết 14–22 Feb off)', () => {
  let dossier = { id: '', code: '', key: '' };
  let input = '';
  let result = '';

  it('has no receipt, slip or refusal before it is received', async () => {
    const draft = await readJson(
      await call(people.citizen, '/api/dossiers', {
        body: { procedureCode: testProcedureWithDocument.code, answers },
      }),
    );
    input = await upload(people.citizen, draft.dossier.id, 'ban_sao_cccd', scan, 'Bản sao CCCD.pdf');
    setClock('2026-02-12T09:00:00');
    dossier = await submit(people.citizen, testProcedureWithDocument.code, {
      id: draft.dossier.id,
      files: { cccd_file: [input] },
    });
    expect(dossier.code).toMatch(/-260212-\d{4}$/);
    for (const [who, form] of [
      [people.citizen, 'receipt'],
      [people.reception, 'control-slip'],
      [people.citizen, 'refusal'],
      [people.reception, 'apology'],
    ] as const) {
      const res = await print(who, dossier.id, form);
      expect(res.status, form).toBe(409);
      expect((await readJson(res)).error.code, form).toBe('form_not_available');
    }
    expect(await auditRows(dossier.id, 'dossier.form_printed')).toEqual([]);
  });

  it('prints the supplement request listing what is missing', async () => {
    setClock('2026-02-12T09:30:00');
    await act(people.reception, dossier.id, 'request-supplement', {
      missing: [{ document: 'Bản sao CCCD', reason: 'Ảnh mờ, không đọc được số' }],
    });
    const text = await printedText(await print(people.citizen, dossier.id, 'supplement-request'));
    for (const expected of [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      `Mã hồ sơ: ${dossier.code}`,
      'Ông/Bà: Nguyễn Thị Hường',
      'Bản sao CCCD',
      'Ảnh mờ, không đọc được số',
      'Trần Văn Đức',
    ]) {
      expect(text).toContain(expected);
    }
    setClock('2026-02-12T09:45:00');
    await act(people.citizen, dossier.id, 'supplement', { documents: { ban_sao_cccd: input } });
  });

  it('prints the receipt with the code, the tracking key and a link to track it, for the citizen unaudited', async () => {
    setClock('2026-02-12T10:00:00');
    await act(people.reception, dossier.id, 'receive');
    const res = await print(people.citizen, dossier.id, 'receipt');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${dossier.code}-receipt.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await printedText(res);
    for (const expected of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${dossier.code}`,
      'Ông/Bà: Nguyễn Thị Hường',
      'Thủ tục: Cấp giấy xác nhận có hồ sơ kèm theo',
      '1 Bản sao căn cước công dân 0 1',
      '2. Thời gian tiếp nhận hồ sơ: 10 giờ 00 phút, ngày 12/02/2026',
      // Three working days from Thu 12 Feb, Tết skipped: Tue 24 Feb at the close of the day.
      '3. Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 24/02/2026',
      `Mã tra cứu: ${dossier.key}`,
      'Trần Văn Đức',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.replaceAll(' ', '')).toContain(
      `http://${hostOf(world.tenantA)}/track?code=${dossier.code}&key=${dossier.key}`,
    );
    expect(await auditRows(dossier.id, 'dossier.form_printed')).toEqual([]);

    const english = await printedText(await print(people.citizen, dossier.id, 'receipt', '?lang=en'));
    expect(english).toContain('RECEIPT OF DOSSIER AND APPOINTMENT FOR THE RESULT');
    expect(english).toContain(`Tracking key: ${dossier.key}`);
  });

  it('writes one audit row for a staff print, naming the form', async () => {
    const text = await printedText(await print(people.approver, dossier.id, 'receipt'));
    expect(text).toContain(dossier.code);
    expect(await auditRows(dossier.id, 'dossier.form_printed')).toEqual([
      { actor: `staff:${people.approver.id}`, details: { form: 'receipt' } },
    ]);
  });

  it('refuses a refusal form for a dossier never refused (409)', async () => {
    const res = await print(people.reception, dossier.id, 'refusal');
    expect(res.status).toBe(409);
    expect((await readJson(res)).error.code).toBe('form_not_available');
  });

  it('prints the apology with the old and the new appointment', async () => {
    setClock('2026-02-13T08:00:00');
    await act(people.reception, dossier.id, 'assign', { assigneeId: people.specialist.id });
    setClock('2026-02-23T15:00:00');
    await act(people.reception, dossier.id, 'apologise', {
      newDueDate: '2026-02-27',
      reason: 'Chờ ý kiến cơ quan phối hợp',
    });
    const text = await printedText(await print(people.citizen, dossier.id, 'apology'));
    expect(text).toContain('hẹn trả kết quả vào 17 giờ 00 phút, ngày 24/02/2026');
    expect(text).toContain('Chờ ý kiến cơ quan phối hợp');
    expect(text).toContain('hẹn lại thời gian trả kết quả vào 17 giờ 00 phút, ngày 27/02/2026');
  });

  it('lets the citizen have the result only once it is issued', async () => {
    setClock('2026-02-24T07:45:00');
    await act(people.specialist, dossier.id, 'complete-step', { note: 'Đủ điều kiện' });
    setClock('2026-02-24T16:00:00');
    await act(people.specialist, dossier.id, 'submit-for-approval');
    setClock('2026-02-24T16:10:00');
    await act(people.approver, dossier.id, 'approve');
    setClock('2026-02-24T16:20:00');
    result = await upload(people.clerk, dossier.id, 'result', signedResult, 'Quyết định cấp giấy.pdf');
    expect((await download(people.citizen, dossier.id, result)).status).toBe(404);

    setClock('2026-02-24T16:30:00');
    await act(people.clerk, dossier.id, 'issue-result', { resultDocuments: [result] });
    const res = await download(people.citizen, dossier.id, result);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(signedResult);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(signedResult.byteLength),
      'content-disposition':
        'attachment; filename="Quyet_dinh_cap_giay.pdf"; ' +
        "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20c%E1%BA%A5p%20gi%E1%BA%A5y.pdf",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(await auditRows(dossier.id, 'dossier.document_downloaded')).toEqual([]);
    const own = await download(people.citizen, dossier.id, input);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(scan);
  });

  it('audits a staff download, and shows nothing to another citizen or to tenant B', async () => {
    const res = await download(people.clerk, dossier.id, result);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(signedResult);
    expect(await auditRows(dossier.id, 'dossier.document_downloaded')).toEqual([
      { actor: `staff:${people.clerk.id}`, details: { documentId: result, kind: 'result' } },
    ]);
    expect((await download(people.otherCitizen, dossier.id, result)).status).toBe(404);
    expect((await download(people.otherCitizen, dossier.id, input)).status).toBe(404);
    expect((await download(people.receptionB, dossier.id, result, world.tenantB)).status).toBe(404);
    expect((await download(people.clerk, dossier.id, 'doc_doesnotexist')).status).toBe(404);
    expect((await download(undefined, dossier.id, result)).status).toBe(401);
  });

  it('prints the control slip for staff: each hand-off, early, on time or late', async () => {
    setClock('2026-02-25T08:00:00');
    await act(people.reception, dossier.id, 'return-result', { method: 'online' });
    setClock('2026-02-25T09:00:00');
    const res = await print(people.approver, dossier.id, 'control-slip');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="${dossier.code}-control-slip.pdf"`,
    );
    const text = await printedText(res);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    const steps = [
      'Nộp hồ sơ',
      'Tiếp nhận hồ sơ',
      'Phân công xử lý',
      'Thẩm định',
      'Trình ký',
      'Phê duyệt',
      'Ban hành kết quả',
      'Trả kết quả',
    ];
    const positions = steps.map((step) => text.indexOf(step));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Received a day inside the 8 working hours of Decree 45/2020; appraisal done 07:45 on the
    // day it was due at 08:00; signature due 13:15 but sent up at 16:00; issued before 17:00.
    expect([count(text, 'Trước hạn'), count(text, 'Đúng hạn'), count(text, 'Quá hạn')]).toEqual([1, 2, 1]);
    for (const name of [
      'Trần Văn Đức',
      'Sở Tư pháp',
      'Lê Thị Mai',
      'Phạm Minh Khoa',
      'Võ Thu Hà',
      'Công dân',
    ]) {
      expect(text).toContain(name);
    }
    expect(await auditRows(dossier.id, 'dossier.form_printed')).toContainEqual({
      actor: `staff:${people.approver.id}`,
      details: { form: 'control-slip' },
    });
  });

  it('refuses the control slip to the citizen (403) and every form to strangers (404)', async () => {
    const slip = await print(people.citizen, dossier.id, 'control-slip');
    expect(slip.status).toBe(403);
    expect((await print(people.otherCitizen, dossier.id, 'receipt')).status).toBe(404);
    expect((await print(people.otherCitizen, dossier.id, 'control-slip')).status).toBe(404);
    expect((await print(people.receptionB, dossier.id, 'receipt', '', world.tenantB)).status).toBe(404);
    expect((await print(people.receptionB, dossier.id, 'receipt')).status).toBe(401);
    expect((await print(undefined, dossier.id, 'receipt')).status).toBe(401);
    expect((await print(people.reception, dossier.id, 'register')).status).toBe(400);
    expect((await print(people.reception, dossier.id, 'receipt', '?lang=fr')).status).toBe(400);
  });
});

describe('the notices of dossiers that end early', () => {
  it('prints the refusal with its reason', async () => {
    setClock('2026-03-02T09:00:00');
    const refused = await submit(people.citizen, testProcedure.code);
    setClock('2026-03-02T10:00:00');
    await act(people.reception, refused.id, 'refuse', { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' });
    const text = await printedText(await print(people.citizen, refused.id, 'refusal'));
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Hồ sơ không thuộc thẩm quyền giải quyết');
    expect(text).toContain(refused.code);
    const receipt = await print(people.citizen, refused.id, 'receipt');
    expect(receipt.status).toBe(409);
  });

  it('prints the stop notice with its reason', async () => {
    setClock('2026-03-03T09:00:00');
    const stopped = await submit(people.citizen, testProcedure.code);
    await act(people.reception, stopped.id, 'receive');
    await act(people.reception, stopped.id, 'assign', { assigneeId: people.specialist.id });
    setClock('2026-03-03T14:00:00');
    await act(people.approver, stopped.id, 'stop', {
      reason: 'Người nộp cung cấp thông tin không đúng sự thật',
    });
    const text = await printedText(await print(people.citizen, stopped.id, 'stop-notice', '?lang=en'));
    expect(text).toContain('NOTICE OF STOPPING THE PROCESSING OF A DOSSIER');
    expect(text).toContain('Người nộp cung cấp thông tin không đúng sự thật');
    expect(text).toContain('Lê Thị Mai');
  });
});
