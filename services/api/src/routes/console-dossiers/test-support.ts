// Test helpers for the console dossier pages (imported from tests only): dossiers submitted
// through the API as the portal does, a browser without JavaScript that posts forms with its
// cookie and follows nothing by itself, and the page checks. The route folder's lint keeps the
// database out of here: the test file sets its agencies up itself.
import type { StaffRole } from '@motcua/db/tenant';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { expect } from 'vitest';
import { readJson, type TestApp, testDomain } from '../../testing.ts';

export const hostOf = (slug: string) => `${slug}.${testDomain}`;
/** Vietnam time (UTC+7) as an instant. */
export const at = (local: string) => new Date(`${local}+07:00`);

export const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

export const goodAnswers = {
  full_name: 'Nguyễn Thị Hường',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};

export type Browser = ReturnType<typeof browserAs>;

/** A browser with `cookie`: GETs ask for HTML; a form is urlencoded, or multipart when it is FormData. */
export function browserAs(t: TestApp, slug: string, cookie: string | undefined) {
  const host = hostOf(slug);
  const go = (path: string, form?: Record<string, string> | FormData) => {
    const headers = new Headers({ origin: `http://${host}`, accept: 'text/html' });
    if (cookie) headers.set('cookie', cookie);
    let body: string | FormData | undefined;
    if (form instanceof FormData) body = form;
    else if (form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(form).toString();
    }
    return t.request(path, { host, method: form ? 'POST' : 'GET', headers, ...(body ? { body } : {}) });
  };
  return { go, post: (path: string, form: Record<string, string> | FormData) => go(path, form) };
}

export interface Agency {
  slug: string;
  /** Session cookies by role, and the citizen's. */
  cookies: Record<StaffRole | 'citizen', string>;
  ids: Record<StaffRole | 'citizen', string>;
}

export const staffNames: Record<StaffRole, string> = {
  admin: 'Quản Trị Viên',
  reception: 'Lê Tiếp Nhận',
  specialist: 'Trần Chuyên Viên',
  approver: 'Phạm Lãnh Đạo',
  clerk: 'Đỗ Văn Thư',
  viewer: 'Vũ Người Xem',
};

function api(t: TestApp, agency: Agency, path: string, body: unknown) {
  const host = hostOf(agency.slug);
  return t.request(path, {
    host,
    method: 'POST',
    headers: { origin: `http://${host}`, cookie: agency.cookies.citizen, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A dossier the citizen submits online through the API; its id and code. */
export async function submitDossier(
  t: TestApp,
  agency: Agency,
  answers: Record<string, unknown> = goodAnswers,
): Promise<{ id: string; code: string }> {
  const res = await api(t, agency, '/api/dossiers', {
    procedureCode: testProcedure.code,
    answers,
    submit: true,
  });
  expect(res.status).toBe(201);
  const { dossier } = await readJson(res);
  return { id: dossier.id, code: dossier.code };
}

/** The same with the scanned ID card the second procedure asks for, uploaded as the portal does. */
export async function submitDossierWithFile(t: TestApp, agency: Agency) {
  const draft = await readJson(
    await api(t, agency, '/api/dossiers', {
      procedureCode: testProcedureWithDocument.code,
      answers: goodAnswers,
    }),
  );
  const id: string = draft.dossier.id;
  const started = await readJson(
    await api(t, agency, `/api/dossiers/${id}/documents`, {
      slot: 'ban_sao_cccd',
      fileName: 'cccd.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.byteLength,
    }),
  );
  const put = await fetch(started.upload.url, { method: 'PUT', body: pdf, headers: started.upload.headers });
  expect(put.status).toBe(200);
  const documentId: string = started.document.id;
  expect((await api(t, agency, `/api/dossiers/${id}/documents/${documentId}/verify`, {})).status).toBe(200);
  const submitted = await api(t, agency, '/api/dossiers', {
    procedureCode: testProcedureWithDocument.code,
    dossierId: id,
    answers: { ...goodAnswers, cccd_file: [documentId] },
    submit: true,
  });
  expect(submitted.status).toBe(201);
  return { id, documentId, code: (await readJson(submitted)).dossier.code as string };
}

/** The revision the dossier page's forms carry. */
export function revisionIn(html: string): string {
  const revision = /name="expectedRevision" value="(\d+)"/.exec(html)?.[1];
  expect(revision, 'the page carries the revision').toBeDefined();
  return revision ?? '';
}

/** The forms the page offers, by their ids (`action-receive`, …). */
export const actionFormsIn = (html: string) =>
  [...html.matchAll(/<form[^>]*id="action-([a-z-]+)"/g)].map((m) => m[1]).sort();

/**
 * Every visible control has a label; no inline script, style or handler; headings start at h1
 * and go down one level at a time; table headers have a scope; the language is set; and the page
 * stays within the 60 KB budget.
 */
export function expectAccessiblePage(html: string, lang: 'vi' | 'en') {
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  expect(new TextEncoder().encode(html).length).toBeLessThan(60_000);
  const controls = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((control) => !/type="hidden"/.test(control));
  for (const control of controls) {
    const id = /\sid="([^"]+)"/.exec(control)?.[1];
    expect(id, control).toBeTruthy();
    expect(html).toMatch(new RegExp(`<label for="${id}"[ >]`));
  }
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
  const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  expect(headings[0]).toBe(1);
  for (const [i, level] of headings.entries()) {
    if (i > 0) expect(level - (headings[i - 1] ?? 1)).toBeLessThanOrEqual(1);
  }
  for (const th of html.matchAll(/<th\b[^>]*>/g)) expect(th[0]).toMatch(/scope="(col|row)"/);
}
