// The admin's catalog and calendar over HTTP: drafts beside a live version, publishing a new
// version while a dossier keeps its own, and an agency day off moving a deadline.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, citizens, type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { testProcedure } from '@motcua/engine/testing';
import { like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const at = (local: string) => new Date(`${local}+07:00`);
let clock = at('2026-08-31T09:00:00');
type Who = { cookie: string; id: string };
let tenant: TenantSlug;
let other: TenantSlug;
const people = {} as Record<'admin' | 'reception' | 'citizen' | 'otherAdmin', Who>;

async function person(slug: TenantSlug, kind: 'citizen' | StaffRole): Promise<Who> {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id, email: `${id}@example.vn`, fullName: 'Công dân' })
      : db
          .insert(staffUsers)
          .values({ id, email: `${id}@a.gov.vn`, fullName: kind, role: kind, status: 'active' }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: kind === 'citizen' ? 'citizen' : 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  return { cookie: `motcua_session=${token}`, id };
}

function call(who: Who, path: string, init: { method?: string; body?: unknown; slug?: TenantSlug } = {}) {
  const host = `${init.slug ?? tenant}.${testDomain}`;
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
}

const answers = {
  full_name: 'Lê Văn Tám',
  citizen_id: '048190001234',
  phone: '0912345678',
  purpose: 'xin_viec',
};

beforeAll(async () => {
  t.deps.clock = () => clock;
  tenant = await createTestTenant(t.deps.database);
  other = await createTestTenant(t.deps.database);
  people.admin = await person(tenant, 'admin');
  people.reception = await person(tenant, 'reception');
  people.citizen = await person(tenant, 'citizen');
  people.otherAdmin = await person(other, 'admin');
});

describe('procedure drafts and versions', () => {
  it('saves a draft that says what publishing would refuse, and publishes nothing invalid', async () => {
    const code = '1.000010.H48';
    const incomplete = await call(people.admin, `/api/admin/procedures/${code}/draft`, {
      method: 'PUT',
      body: { draft: { code, name: { vi: 'Thủ tục mới', en: 'New procedure' } } },
    });
    expect(incomplete.status).toBe(200);
    const saved = await readJson(incomplete);
    expect(saved.draftProblems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['description', 'form', 'workflow']),
    );
    const refused = await call(people.admin, `/api/admin/procedures/${code}/publish`, { body: {} });
    expect(refused.status).toBe(400);
    const list = await readJson(await call(people.admin, '/api/admin/procedures'));
    expect(list.procedures).toEqual([
      expect.objectContaining({ code, status: 'draft', currentVersion: null }),
    ]);
    const citizens = await readJson(await call(people.citizen, '/api/procedures'));
    expect(citizens.procedures).toEqual([]);
    const mismatch = await call(people.admin, `/api/admin/procedures/${code}/draft`, {
      method: 'PUT',
      body: { draft: { code: '1.000011.H48' } },
    });
    expect(mismatch.status).toBe(400);
  });

  it('publishes version 2 while a dossier filed under version 1 keeps it', async () => {
    const code = testProcedure.code;
    const put = (draft: unknown) =>
      call(people.admin, `/api/admin/procedures/${code}/draft`, { method: 'PUT', body: { draft } });
    expect((await put(testProcedure)).status).toBe(200);
    const v1 = await readJson(
      await call(people.admin, `/api/admin/procedures/${code}/publish`, { body: {} }),
    );
    expect(v1.version).toBe(1);
    const filed = await readJson(
      await call(people.citizen, '/api/dossiers', { body: { procedureCode: code, answers, submit: true } }),
    );
    expect(filed.dossier.procedureVersionId).toBe(v1.versionId);

    // Version 2 asks for an email too and costs more: the filed dossier is not affected.
    const v2Draft = {
      ...testProcedure,
      fees: [{ id: 'le_phi', name: { vi: 'Lệ phí', en: 'Fee' }, amount: 80_000 }],
      form: {
        fields: [
          ...testProcedure.form.fields,
          { id: 'email', type: 'email', label: { vi: 'Email', en: 'Email' }, required: true },
        ],
      },
    };
    expect((await put(v2Draft)).status).toBe(200);
    const listed = await readJson(await call(people.admin, '/api/admin/procedures'));
    expect(listed.procedures.find((p: { code: string }) => p.code === code)).toMatchObject({
      currentVersion: 1,
      unpublishedChanges: true,
    });
    // Until publishing, citizens still file under version 1.
    const stillV1 = await readJson(await call(people.citizen, `/api/procedures/${code}`));
    expect(stillV1.version).toBe(1);
    const v2 = await readJson(
      await call(people.admin, `/api/admin/procedures/${code}/publish`, { body: {} }),
    );
    expect(v2.version).toBe(2);
    const withoutEmail = await call(people.citizen, '/api/dossiers', {
      body: { procedureCode: code, answers, submit: true },
    });
    expect(withoutEmail.status).toBe(400);
    const again = await readJson(await call(people.citizen, `/api/dossiers/${filed.dossier.id}`));
    expect(again.dossier).toMatchObject({ procedureVersionId: v1.versionId, feeTotal: 50_000 });

    const withdrawn = await call(people.admin, `/api/admin/procedures/${code}/withdraw`, { body: {} });
    expect((await readJson(withdrawn)).status).toBe('withdrawn');
    expect((await readJson(await call(people.citizen, '/api/procedures'))).procedures).toEqual([]);
    const audit = await withTenant(t.deps.database, tenant, (db) =>
      db.select({ action: auditLog.action }).from(auditLog).where(like(auditLog.action, 'procedure.%')),
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['procedure.draft_saved', 'procedure.published', 'procedure.withdrawn']),
    );
  });

  it('is the admin’s alone: the desk gets 403, another agency’s admin sees nothing of it', async () => {
    expect((await call(people.reception, '/api/admin/procedures')).status).toBe(403);
    expect((await call(people.citizen, '/api/admin/procedures')).status).toBe(403);
    const elsewhere = await readJson(await call(people.otherAdmin, '/api/admin/procedures', { slug: other }));
    expect(elsewhere.procedures).toEqual([]);
  });
});

describe('the agency calendar', () => {
  it('moves a deadline past a local day off, and refuses a date that is not one', async () => {
    expect(
      (
        await call(people.admin, '/api/admin/calendar/2026-02-30', {
          method: 'PUT',
          body: { kind: 'off', name: 'x' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(people.admin, '/api/admin/calendar/2026-09-03', {
          method: 'PUT',
          body: { kind: 'holiday' },
        })
      ).status,
    ).toBe(400);
    const set = await call(people.admin, '/api/admin/calendar/2026-09-03', {
      method: 'PUT',
      body: { kind: 'off', name: 'Nghỉ bù lễ hội địa phương' },
    });
    expect(set.status).toBe(200);
    expect((await readJson(await call(people.admin, '/api/admin/calendar'))).overrides).toEqual([
      { date: '2026-09-03', kind: 'off', name: 'Nghỉ bù lễ hội địa phương' },
    ]);

    const code = '1.000020.H48';
    await call(people.admin, `/api/admin/procedures/${code}/draft`, {
      method: 'PUT',
      body: { draft: { ...testProcedure, code } },
    });
    await call(people.admin, `/api/admin/procedures/${code}/publish`, { body: {} });
    clock = at('2026-08-31T09:00:00');
    const filed = await readJson(
      await call(people.citizen, '/api/dossiers', { body: { procedureCode: code, answers, submit: true } }),
    );
    const received = await readJson(
      await call(people.reception, `/api/dossiers/${filed.dossier.id}/actions/receive`, {
        body: { input: {} },
      }),
    );
    // Mon 31 Aug 2026 is itself a day off (swapped for Sat 22 Aug), so the clock starts Tue 1 Sep…
    // which is off too (National Day), as is Wed 2 Sep; the agency's own day off is Thu 3 Sep.
    // Start Fri 4 Sep (uncounted), then Mon 7, Tue 8, Wed 9 → due Wed 9 Sep 17:00.
    expect(received.dossier.dueAt).toBe(at('2026-09-09T17:00:00').toISOString());

    expect(
      (await readJson(await call(people.admin, '/api/admin/calendar/2026-09-03', { method: 'DELETE' })))
        .removed,
    ).toBe(true);
    expect((await readJson(await call(people.admin, '/api/admin/calendar'))).overrides).toEqual([]);
  });
});

describe('document templates', () => {
  it('are uploaded by the admin under a name the procedure gives, and downloaded by anyone once published', async () => {
    const code = '1.000030.H48';
    const file = 'mau-to-khai.docx';
    const draft = {
      ...testProcedure,
      code,
      documents: [
        {
          id: 'to_khai',
          name: { vi: 'Tờ khai', en: 'Declaration' },
          required: true,
          copies: { originals: 1, copies: 0 },
          templateFile: file,
          acceptedTypes: ['pdf'],
          maxSizeBytes: 1_000_000,
        },
      ],
    };
    await call(people.admin, `/api/admin/procedures/${code}/draft`, { method: 'PUT', body: { draft } });
    const bytes = new Uint8Array(Buffer.from('PK\u0003\u0004 tờ khai mẫu'));
    const put = (name: string, body: Uint8Array, who: Who = people.admin) =>
      t.request(`/api/admin/procedures/${code}/templates/${name}`, {
        host: `${tenant}.${testDomain}`,
        method: 'PUT',
        headers: {
          origin: `http://${tenant}.${testDomain}`,
          cookie: who.cookie,
          'content-type': 'application/octet-stream',
        },
        body,
      });
    expect((await put('khac.docx', bytes)).status).toBe(400);
    expect((await put('mau-to-khai.exe', bytes)).status).toBe(400);
    expect((await put(file, new Uint8Array(5 * 1024 * 1024 + 1))).status).toBe(413);
    expect((await put(file, bytes, people.reception)).status).toBe(403);
    expect((await put(file, bytes)).status).toBe(200);

    const download = () =>
      t.request(`/api/procedures/${code}/templates/${file}`, { host: `${tenant}.${testDomain}` });
    expect((await download()).status).toBe(404);
    await call(people.admin, `/api/admin/procedures/${code}/publish`, { body: {} });
    const res = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const elsewhere = await t.request(`/api/procedures/${code}/templates/${file}`, {
      host: `${other}.${testDomain}`,
    });
    expect(elsewhere.status).toBe(404);
  });
});

describe('template names', () => {
  it('refuses names that could climb out of the template folder with 400 naming the field, storing nothing', async () => {
    const host = `${tenant}.${testDomain}`;
    const put = (code: string, name: string) =>
      t.request(`/api/admin/procedures/${code}/templates/${name}`, {
        host,
        method: 'PUT',
        headers: {
          origin: `http://${host}`,
          cookie: people.admin.cookie,
          'content-type': 'application/octet-stream',
        },
        body: new Uint8Array(Buffer.from('PK\u0003\u0004 x')),
      });
    const get = (code: string, name: string) =>
      t.request(`/api/procedures/${code}/templates/${name}`, { host });
    const before: string[] = [];
    for await (const o of t.deps.storage.forTenant(tenant).list()) before.push(o.key);
    const badFiles = [
      '..%2Fx.docx',
      '..%2F..%2Fsecret.docx',
      '..x.docx',
      'a%2Fb.docx',
      'x%5C..%5Cy.docx',
      '.env',
      'a%00.docx',
    ];
    for (const name of badFiles) {
      for (const res of [await put('1.000030.H48', name), await get('1.000030.H48', name)]) {
        expect(res.status, name).toBe(400);
        const body = await readJson(res);
        expect(body.error.code, name).toBe('invalid_input');
        expect(
          body.error.details.map((d: { path: string }) => d.path),
          name,
        ).toEqual(['file']);
      }
    }
    // A draft is saved unchecked, so it may name such a file: the upload is still refused.
    const unsafe = '../../../other-agency/x.docx';
    const draft = {
      ...testProcedure,
      code: '1.000033.H48',
      documents: [
        {
          id: 'to_khai',
          name: { vi: 'Tờ khai', en: 'Declaration' },
          required: true,
          copies: { originals: 1, copies: 0 },
          templateFile: unsafe,
          acceptedTypes: ['pdf'],
          maxSizeBytes: 1_000_000,
        },
      ],
    };
    expect(
      (
        await call(people.admin, '/api/admin/procedures/1.000033.H48/draft', {
          method: 'PUT',
          body: { draft },
        })
      ).status,
    ).toBe(200);
    const named = await put('1.000033.H48', encodeURIComponent(unsafe));
    expect(named.status).toBe(400);
    expect((await readJson(named)).error.details.map((d: { path: string }) => d.path)).toEqual(['file']);
    for (const code of ['..%2F1.000030.H48', '1.000030.H48%2F..']) {
      const res = await get(code, 'mau-to-khai.docx');
      expect(res.status, code).toBe(400);
      expect((await readJson(res)).error.details.map((d: { path: string }) => d.path)).toEqual(['code']);
    }
    const after: string[] = [];
    for await (const o of t.deps.storage.forTenant(tenant).list()) after.push(o.key);
    expect(after).toEqual(before);
  });
});
