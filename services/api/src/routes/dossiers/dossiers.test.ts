import { createHash } from 'node:crypto';
// A dossier's life over HTTP, each step by the role that takes it, on a fixed clock so the
// deadlines can be checked against dates computed by hand on the 2026 calendar.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import {
  auditLog,
  citizens,
  dossierCodeSequences,
  dossierDocuments,
  dossiers,
  outbox,
  type StaffRole,
  staffUsers,
  units,
} from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantFingerprint } from '../../security-cases.ts';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const hostOf = (slug: string) => `${slug}.${testDomain}`;
/** Vietnam time (UTC+7) as an instant. */
const at = (local: string) => new Date(`${local}+07:00`);
let clock = at('2026-02-12T09:00:00');

type Who = { cookie: string; id: string };
let tenantA: TenantSlug;
let tenantB: TenantSlug;
const people: Record<string, Who> = {};

async function person(
  slug: TenantSlug,
  kind: 'citizen' | StaffRole,
  email: string,
  unitId?: string,
): Promise<Who> {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id, email, fullName: 'Nguyễn Thị Hường' })
      : db
          .insert(staffUsers)
          .values({ id, email, fullName: kind, role: kind, status: 'active', unitId: unitId ?? null }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: kind === 'citizen' ? 'citizen' : 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  return { cookie: `motcua_session=${token}`, id };
}

function call(
  who: Who | undefined,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; slug?: TenantSlug } = {},
) {
  const host = hostOf(init.slug ?? tenantA);
  return t.request(path, {
    host,
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      origin: `http://${host}`,
      ...(who ? { cookie: who.cookie } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const act = (who: Who | undefined, id: string, action: string, input: Record<string, unknown> = {}) =>
  call(who, `/api/dossiers/${id}/actions/${action}`, { body: { input } });

const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** Declares a file, PUTs it to the signed URL as a browser would, and asks the API to check it. */
async function upload(
  who: Who | undefined,
  dossierId: string,
  slot: string,
  bytes: Buffer,
  contentType = 'application/pdf',
) {
  const started = await call(who, `/api/dossiers/${dossierId}/documents`, {
    body: { slot, fileName: 'tep.pdf', contentType, sizeBytes: bytes.byteLength },
  });
  expect(started.status).toBe(201);
  const { document, upload: target } = await readJson(started);
  const put = await fetch(target.url, { method: 'PUT', body: bytes, headers: target.headers });
  expect(put.status).toBe(200);
  return {
    id: document.id as string,
    verify: () => call(who, `/api/dossiers/${dossierId}/documents/${document.id}/verify`, { body: {} }),
  };
}

const goodAnswers = {
  full_name: 'Nguyễn Thị Hường',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};

beforeAll(async () => {
  t.deps.clock = () => clock;
  tenantA = await createTestTenant(t.deps.database);
  tenantB = await createTestTenant(t.deps.database);
  const unitA = newId('uni');
  const otherUnit = newId('uni');
  await withTenant(t.deps.database, tenantA, async (db) => {
    await db.insert(units).values([
      { id: unitA, code: 'STP', name: 'Sở Tư pháp', kind: 'department' },
      { id: otherUnit, code: 'SXD', name: 'Sở Xây dựng', kind: 'department' },
    ]);
    await publishVersion(db, testProcedure, 'test');
    await publishVersion(db, testProcedureWithDocument, 'test');
  });
  await withTenant(t.deps.database, tenantB, (db) => publishVersion(db, testProcedure, 'test'));
  people.citizen = await person(tenantA, 'citizen', 'huong@example.vn');
  people.otherCitizen = await person(tenantA, 'citizen', 'khac@example.vn');
  people.reception = await person(tenantA, 'reception', 'tiepnhan@a.gov.vn');
  people.specialist = await person(tenantA, 'specialist', 'chuyenvien@a.gov.vn', unitA);
  people.approver = await person(tenantA, 'approver', 'lanhdao@a.gov.vn');
  people.clerk = await person(tenantA, 'clerk', 'vanthu@a.gov.vn');
  people.otherUnit = await person(tenantA, 'specialist', 'xaydung@a.gov.vn', otherUnit);
  people.receptionB = await person(tenantB, 'reception', 'tiepnhan@b.gov.vn');
});

describe('the catalog', () => {
  it('lists the published procedure and its whole document without sign-in', async () => {
    const list = await readJson(await call(undefined, '/api/procedures'));
    expect(list.procedures).toEqual([
      expect.objectContaining({
        code: testProcedure.code,
        onlineLevel: 'full',
        legacyLevel: 4,
        feeFrom: 50_000,
      }),
      expect.objectContaining({ code: testProcedureWithDocument.code }),
    ]);
    const one = await call(undefined, `/api/procedures/${testProcedure.code}`);
    expect((await readJson(one)).document.form.fields.map((f: { id: string }) => f.id)).toContain(
      'citizen_id',
    );
    expect((await call(undefined, '/api/procedures/1.999999')).status).toBe(404);
  });
});

describe('a dossier’s life', () => {
  let id = '';
  let code = '';
  let trackingKey = '';

  it('saves a draft, resumes it, refuses bad answers field by field and changes nothing', async () => {
    const draft = await call(people.citizen, '/api/dossiers', {
      body: { procedureCode: testProcedure.code, answers: { full_name: 'Nguyễn Thị Hường' } },
    });
    expect(draft.status).toBe(200);
    const saved = await readJson(draft);
    id = saved.dossier.id;
    expect(saved).toMatchObject({
      dossier: { state: 'draft', code: null, nationalStatus: null },
      trackingKey: null,
    });
    // Another citizen cannot continue it, nor even learn it exists.
    const stranger = await call(people.otherCitizen, '/api/dossiers', {
      body: { procedureCode: testProcedure.code, dossierId: id, answers: {} },
    });
    expect(stranger.status).toBe(404);

    const bad = await call(people.citizen, '/api/dossiers', {
      body: {
        procedureCode: testProcedure.code,
        dossierId: id,
        answers: { ...goodAnswers, citizen_id: '12345', phone: '0236 382 2222' },
        submit: true,
      },
    });
    expect(bad.status).toBe(400);
    const paths = (await readJson(bad)).error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['answers.citizen_id', 'answers.phone']);
    const [row] = await withTenant(t.deps.database, tenantA, (db) =>
      db.select({ state: dossiers.state, code: dossiers.code }).from(dossiers).where(eq(dossiers.id, id)),
    );
    expect(row).toEqual({ state: 'draft', code: null });
    const sequences = await withTenant(t.deps.database, tenantA, (db) =>
      db.select().from(dossierCodeSequences),
    );
    expect(sequences).toEqual([]);
  });

  it('submits once with an Idempotency-Key: a retry answers the same dossier, another body is refused', async () => {
    const body = { procedureCode: testProcedure.code, dossierId: id, answers: goodAnswers, submit: true };
    const headers = { 'idempotency-key': 'nop-ho-so-0001-abcdef' };
    const first = await call(people.citizen, '/api/dossiers', { body, headers });
    expect(first.status).toBe(201);
    const submitted = await readJson(first);
    code = submitted.dossier.code;
    trackingKey = submitted.trackingKey;
    expect(code).toMatch(/^[A-Z0-9]+-260212-0001$/);
    expect(trackingKey).toMatch(/^[A-Z2-9]{8}$/);
    expect(submitted.dossier).toMatchObject({ state: 'submitted', nationalStatus: 1, feeTotal: 50_000 });
    // Submitted online at 09:00 Thu 12 Feb: the desk answers within 8 working hours, by 09:00 Fri 13 Feb.
    const queue = await readJson(await call(people.reception, '/api/dossiers?state=submitted'));
    expect(queue.dossiers).toEqual([
      expect.objectContaining({
        code,
        applicantName: goodAnswers.full_name,
        flags: { deadline: null, answerBy: at('2026-02-13T09:00:00').toISOString(), answerStatus: 'on_time' },
      }),
    ]);
    // The list is not audited, so it carries no answers: the ID number is only in the audited view.
    expect(queue.dossiers[0].answers).toBeUndefined();
    expect(JSON.stringify(queue)).not.toContain(goodAnswers.citizen_id);
    const retry = await call(people.citizen, '/api/dossiers', { body, headers });
    expect(retry.status).toBe(201);
    expect(await readJson(retry)).toEqual(submitted);
    const other = await call(people.citizen, '/api/dossiers', { body: { ...body, answers: {} }, headers });
    expect(other.status).toBe(409);
    expect((await readJson(other)).error.code).toBe('idempotency_key_reused');
  });

  it('asks for a supplement before receipt, which the citizen answers', async () => {
    clock = at('2026-02-12T09:30:00');
    expect((await act(people.specialist, id, 'request-supplement', { missing: [] })).status).toBe(403);
    const missing = [{ document: 'Bản sao CCCD', reason: 'Ảnh mờ, không đọc được số' }];
    const empty = await act(people.reception, id, 'request-supplement', { missing: [] });
    expect(empty.status).toBe(400);
    const asked = await act(people.reception, id, 'request-supplement', { missing });
    expect((await readJson(asked)).dossier).toMatchObject({
      state: 'supplement_requested',
      nationalStatus: 5,
    });
    // The API writes the email to the outbox in the same unit of work; the worker delivers it.
    const queued = await withTenant(t.deps.database, tenantA, (db) =>
      db.select({ payload: outbox.payload }).from(outbox),
    );
    expect(queued.map((q) => q.payload)).toEqual([
      expect.objectContaining({
        template: 'dossier.supplement_requested',
        to: 'huong@example.vn',
        code,
        // The agency's own host (the one the tenant was resolved by), to the citizen's page of it.
        trackingUrl: `http://${hostOf(tenantA)}/dossiers/${id}`,
      }),
    ]);
    // Papers must be files of this dossier, uploaded for a document of the procedure and checked.
    const madeUp = await act(people.citizen, id, 'supplement', { documents: { cccd: 'cccd-moi' } });
    expect(madeUp.status).toBe(400);
    expect((await readJson(madeUp)).error.details).toEqual([
      { path: 'documents.cccd', message: 'Upload the file and wait until it is checked.' },
    ]);
    const answered = await act(people.citizen, id, 'supplement', {
      answers: { note: 'Bản chụp CCCD rõ nét đã gửi qua bưu điện' },
    });
    expect((await readJson(answered)).dossier.state).toBe('submitted');
  });

  it('is received at 10:00 on Thu 12 Feb 2026 and due three working days later, Tết skipped: Tue 24 Feb 17:00', async () => {
    clock = at('2026-02-12T10:00:00');
    const received = await readJson(await act(people.reception, id, 'receive'));
    // Fri 13 Feb (1), Tết 14–22 Feb off, Mon 23 (2), Tue 24 (3); the day of receipt is not counted.
    expect(received.dossier).toMatchObject({ state: 'received', nationalStatus: 2 });
    expect(received.dossier.dueAt).toBe(at('2026-02-24T17:00:00').toISOString());
  });

  it('is assigned, paused two working days for a supplement (due moves to Thu 26 Feb), processed and approved', async () => {
    clock = at('2026-02-13T08:00:00');
    // A case officer limited to another unit could not see it: not offered, and refused.
    const elsewhere = await act(people.reception, id, 'assign', { assigneeId: people.otherUnit?.id });
    expect(elsewhere.status).toBe(400);
    expect((await readJson(elsewhere)).error.details).toEqual([
      { path: 'assigneeId', message: 'Not an active case officer here.' },
    ]);
    const assigned = await act(people.reception, id, 'assign', { assigneeId: people.specialist?.id });
    expect((await readJson(assigned)).dossier).toMatchObject({ state: 'in_progress', stepIndex: 0 });
    // The other unit's officer cannot see it; the approver cannot do the case officer's step.
    expect((await act(people.otherUnit, id, 'complete-step')).status).toBe(404);
    expect((await act(people.approver, id, 'complete-step')).status).toBe(403);

    clock = at('2026-02-13T08:00:00');
    await act(people.specialist, id, 'request-supplement', {
      missing: [{ document: 'Giấy xác nhận cư trú', reason: 'Chưa có' }],
    });
    // Paused from Fri 13 Feb 08:00 to Tue 24 Feb 08:00: Fri 13 and Mon 23 lost → due Thu 26 Feb 17:00.
    clock = at('2026-02-24T08:00:00');
    const resumed = await readJson(
      await act(people.citizen, id, 'supplement', {
        answers: { xac_nhan_cu_tru: 'Nộp bản giấy tại bộ phận một cửa' },
      }),
    );
    expect(resumed.dossier).toMatchObject({ state: 'in_progress' });
    expect(resumed.dossier.dueAt).toBe(at('2026-02-26T17:00:00').toISOString());

    await act(people.specialist, id, 'complete-step');
    const forApproval = await act(people.specialist, id, 'submit-for-approval');
    expect((await readJson(forApproval)).dossier.state).toBe('awaiting_approval');
    expect((await act(people.clerk, id, 'approve')).status).toBe(403);
    const approved = await act(people.approver, id, 'approve');
    expect((await readJson(approved)).dossier).toMatchObject({ state: 'approved', nationalStatus: 4 });
  });

  it('issues and returns the result, then the citizen rates the service once', async () => {
    clock = at('2026-02-25T15:00:00');
    // A result must be a checked file of this dossier: a made-up id is refused.
    const madeUp = await act(people.clerk, id, 'issue-result', { resultDocuments: ['doc_made_up'] });
    expect(madeUp.status).toBe(400);
    const signed = await upload(people.clerk, id, 'result', pdf);
    expect((await readJson(await signed.verify())).document).toMatchObject({
      status: 'verified',
      kind: 'result',
    });
    const issued = await act(people.clerk, id, 'issue-result', { resultDocuments: [signed.id] });
    expect((await readJson(issued)).dossier).toMatchObject({ state: 'result_issued', nationalStatus: 9 });
    const returned = await act(people.reception, id, 'return-result', { method: 'online' });
    expect((await readJson(returned)).dossier).toMatchObject({
      state: 'result_returned',
      nationalStatus: 10,
    });
    expect((await act(people.otherCitizen, id, 'rate', { score: 1 })).status).toBe(404);
    const rated = await act(people.citizen, id, 'rate', { score: 5, comment: 'Nhanh, đúng hẹn' });
    expect((await readJson(rated)).dossier.rating).toBe(5);
    const again = await act(people.citizen, id, 'rate', { score: 4 });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('invalid_transition');
  });

  it('shows the timeline to its citizen and audits a staff view', async () => {
    const mine = await readJson(await call(people.citizen, `/api/dossiers/${id}`));
    expect(mine.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'request_supplement',
      'supplement',
      'receive',
      'assign',
      'request_supplement',
      'supplement',
      'complete_step',
      'submit_for_approval',
      'approve',
      'issue_result',
      'return_result',
      'rate',
    ]);
    const viewed = await call(people.approver, `/api/dossiers/${id}`);
    expect(viewed.status).toBe(200);
    const audit = await withTenant(t.deps.database, tenantA, (db) =>
      db
        .select({ action: auditLog.action, subject: auditLog.subject })
        .from(auditLog)
        .where(eq(auditLog.subject, id)),
    );
    expect(audit).toEqual([{ action: 'dossier.viewed', subject: id }]);
    expect((await call(people.otherCitizen, `/api/dossiers/${id}`)).status).toBe(404);
  });

  it('is tracked publicly by code and key only, with no names, and a wrong key looks like an unknown code', async () => {
    const tracked = await call(undefined, `/api/public/track?code=${code}&key=${trackingKey}`);
    expect(tracked.status).toBe(200);
    const body = await readJson(tracked);
    expect(body).toMatchObject({ code, state: 'result_returned', nationalStatus: 10 });
    expect(JSON.stringify(body)).not.toContain('Hường');
    const wrongKey = await call(undefined, `/api/public/track?code=${code}&key=AAAAAAAA`);
    const unknown = await call(
      undefined,
      `/api/public/track?code=${code.replace(/\d{4}$/, '9999')}&key=${trackingKey}`,
    );
    expect(wrongKey.status).toBe(404);
    expect(await readJson(wrongKey)).toEqual(await readJson(unknown));
    expect((await call(undefined, '/api/public/track?code=x')).status).toBe(400);
  });

  it('stays inside its agency: tenant B’s desk cannot see or act on it', async () => {
    const onB = await act(people.receptionB, id, 'receive', {});
    expect(onB.status).toBe(401);
    const viaB = await call(people.receptionB, `/api/dossiers/${id}`, { slug: tenantB });
    expect(viaB.status).toBe(404);
    const queueB = await readJson(await call(people.receptionB, '/api/dossiers', { slug: tenantB }));
    expect(queueB.dossiers).toEqual([]);
    const trackOnB = await call(undefined, `/api/public/track?code=${code}&key=${trackingKey}`, {
      slug: tenantB,
    });
    expect(trackOnB.status).toBe(404);
  });
});

describe('documents', () => {
  it('goes straight to storage, counts only once checked, and refuses a file that is not what it claims', async () => {
    const draft = await readJson(
      await call(people.citizen, '/api/dossiers', {
        body: { procedureCode: testProcedureWithDocument.code, answers: goodAnswers },
      }),
    );
    const id = draft.dossier.id as string;
    const without = await call(people.citizen, '/api/dossiers', {
      body: {
        procedureCode: testProcedureWithDocument.code,
        dossierId: id,
        answers: goodAnswers,
        submit: true,
      },
    });
    expect(without.status).toBe(400);
    expect((await readJson(without)).error.details.map((d: { path: string }) => d.path)).toEqual([
      'answers.cccd_file',
      'documents.ban_sao_cccd',
    ]);

    const declare = (body: Record<string, unknown>, who = people.citizen) =>
      call(who, `/api/dossiers/${id}/documents`, {
        body: {
          slot: 'ban_sao_cccd',
          fileName: 'cccd.pdf',
          contentType: 'application/pdf',
          sizeBytes: 100,
          ...body,
        },
      });
    const refusals = [
      [{ contentType: 'image/png' }, 'contentType'],
      [{ sizeBytes: 2_000_000 }, 'sizeBytes'],
      [{ slot: 'giay_khac' }, 'slot'],
      [{ fileName: '../../etc/passwd' }, 'fileName'],
    ] as const;
    for (const [body, path] of refusals) {
      const res = await declare(body);
      expect(res.status, path).toBe(400);
      expect((await readJson(res)).error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect((await declare({}, people.otherCitizen)).status).toBe(404);

    // Declared a JPEG, sent a PDF: refused when checked, and removed from storage.
    const liar = await upload(people.citizen, id, 'ban_sao_cccd', pdf, 'image/jpeg');
    const refused = await liar.verify();
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error.details).toEqual([
      { path: 'file', message: 'content is not the declared type' },
    ]);

    const real = await upload(people.citizen, id, 'ban_sao_cccd', pdf);
    const checked = await readJson(await real.verify());
    expect(checked.document).toMatchObject({
      status: 'verified',
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    // Kept under a key of its own that no upload URL was signed for; the uploaded object is gone.
    const files = t.deps.storage.forTenant(tenantA);
    const keyOf = async (documentId: string) =>
      (
        await withTenant(t.deps.database, tenantA, (db) =>
          db
            .select({ key: dossierDocuments.storageKey })
            .from(dossierDocuments)
            .where(eq(dossierDocuments.id, documentId)),
        )
      )[0]?.key;
    const storedKey = await keyOf(real.id);
    expect(storedKey).toMatch(new RegExp(`^dossiers/${id}/${real.id}-[0-9a-f]{16}$`));
    expect(await files.head(String(storedKey))).toEqual({ size: pdf.byteLength });
    expect(await files.head(`uploads/${id}/${real.id}`)).toBeUndefined();
    const leftOfLiar = [];
    for await (const object of files.list()) if (object.key.includes(liar.id)) leftOfLiar.push(object.key);
    expect(leftOfLiar).toEqual([]);

    const liarInAnswer = await call(people.citizen, '/api/dossiers', {
      body: {
        procedureCode: testProcedureWithDocument.code,
        dossierId: id,
        answers: { ...goodAnswers, cccd_file: [liar.id] },
        submit: true,
      },
    });
    expect(liarInAnswer.status).toBe(400);
    const submitted = await call(people.citizen, '/api/dossiers', {
      body: {
        procedureCode: testProcedureWithDocument.code,
        dossierId: id,
        answers: { ...goodAnswers, cccd_file: [real.id] },
        submit: true,
      },
    });
    expect(submitted.status).toBe(201);
    // Once submitted, the citizen adds files only when asked for a supplement.
    expect((await declare({})).status).toBe(409);
  });
});

describe('bad input', () => {
  it('gets a field-level 400 at every dossier endpoint and changes nothing', async () => {
    const draft = await readJson(
      await call(people.citizen, '/api/dossiers', {
        body: { procedureCode: testProcedure.code, answers: {} },
      }),
    );
    const id = draft.dossier.id as string;
    const submitted = await readJson(
      await call(people.otherCitizen, '/api/dossiers', {
        body: { procedureCode: testProcedure.code, answers: goodAnswers, submit: true },
      }),
    );
    const filed = submitted.dossier.id as string;
    const cases: { who: Who | undefined; path: string; body: unknown; fields: string[] }[] = [
      {
        who: people.citizen,
        path: '/api/dossiers',
        body: { answers: 'x' },
        fields: ['procedureCode', 'answers'],
      },
      {
        who: people.citizen,
        path: '/api/dossiers',
        body: { procedureCode: testProcedure.code, submit: 'yes' },
        fields: ['submit'],
      },
      {
        who: people.citizen,
        path: '/api/dossiers',
        body: {
          procedureCode: testProcedure.code,
          dossierId: id,
          answers: { ...goodAnswers, purpose: 'khac' },
          submit: true,
        },
        fields: ['answers.purpose_other'],
      },
      {
        who: people.citizen,
        path: `/api/dossiers/${id}/documents`,
        body: { slot: 1 },
        fields: ['slot', 'fileName', 'contentType', 'sizeBytes'],
      },
      {
        who: people.reception,
        path: `/api/dossiers/${filed}/actions/refuse`,
        body: { input: { reason: 5 } },
        fields: ['reason'],
      },
      {
        who: people.reception,
        path: `/api/dossiers/${filed}/actions/request-supplement`,
        body: { input: { missing: [{ document: '' }] } },
        fields: ['missing.0.document', 'missing.0.reason'],
      },
      {
        who: people.reception,
        path: `/api/dossiers/${filed}/actions/not-an-action`,
        body: { input: {} },
        fields: ['action'],
      },
      {
        who: people.reception,
        path: `/api/dossiers/${filed}/actions/receive`,
        body: { expectedRevision: 'x' },
        fields: ['expectedRevision'],
      },
      { who: undefined, path: '/api/public/track?code=1&key=%3C', body: undefined, fields: ['code', 'key'] },
    ];
    const before = await tenantFingerprint(t, tenantA);
    for (const c of cases) {
      const res = await call(c.who, c.path, c.body === undefined ? {} : { body: c.body });
      expect(res.status, c.path).toBe(400);
      const { error } = await readJson(res);
      const paths = (error.details as { path: string }[]).map((d) => d.path);
      for (const field of c.fields) expect(paths, `${c.path}: ${JSON.stringify(paths)}`).toContain(field);
    }
    expect(await tenantFingerprint(t, tenantA)).toEqual(before);

    // Two officers on the same dossier: the one who saw an older revision is told, and nothing changes.
    const stale = await call(people.reception, `/api/dossiers/${filed}/actions/receive`, {
      body: { input: {}, expectedRevision: submitted.dossier.revision - 1 },
    });
    expect(stale.status).toBe(409);
    expect((await readJson(stale)).error.code).toBe('stale_revision');
    expect(await tenantFingerprint(t, tenantA)).toEqual(before);
  });
});
