// Tests only: the calls the print tests make over HTTP, as a browser or an API client would,
// signed in as one person of a tenant (the route folder's lint keeps the database out of here:
// the test file sets its tenants up itself).
import { expect } from 'vitest';
import { readJson, type TestApp, testDomain } from '../../testing.ts';
import { readPdfText } from './read-pdf-text.ts';

export type Who = { cookie: string; id: string };

/** Vietnam time (UTC+7) as an instant. */
export const at = (local: string) => new Date(`${local}+07:00`);
export const hostOf = (slug: string) => `${slug}.${testDomain}`;
export const count = (text: string, needle: string) => text.split(needle).length - 1;

export const answers = {
  full_name: 'Nguyễn Thị Hường',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};
export const scan = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
export const signedResult = Buffer.from(
  '%PDF-1.7\n% Quyết định đã ký\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n',
);

export async function printedText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return readPdfText(bytes);
}

/** HTTP helpers on `tenant()`'s host (read when called: tenants are made in `beforeAll`). */
export function httpClient(t: TestApp, tenant: () => string) {
  function call(
    who: Who | undefined,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string>; slug?: string } = {},
  ) {
    const host = hostOf(init.slug ?? tenant());
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

  async function act(who: Who, id: string, action: string, input: Record<string, unknown> = {}) {
    const res = await call(who, `/api/dossiers/${id}/actions/${action}`, { body: { input } });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
    return readJson(res);
  }

  /** Declares a file, PUTs it to the signed URL as a browser would, and has the API check it. */
  async function upload(who: Who, dossierId: string, slot: string, bytes: Buffer, fileName: string) {
    const started = await call(who, `/api/dossiers/${dossierId}/documents`, {
      body: { slot, fileName, contentType: 'application/pdf', sizeBytes: bytes.byteLength },
    });
    expect(started.status).toBe(201);
    const { document, upload: target } = await readJson(started);
    const put = await fetch(target.url, { method: 'PUT', body: bytes, headers: target.headers });
    expect(put.status).toBe(200);
    const verified = await call(who, `/api/dossiers/${dossierId}/documents/${document.id}/verify`, {
      body: {},
    });
    expect(verified.status).toBe(200);
    return document.id as string;
  }

  async function submit(
    who: Who,
    procedureCode: string,
    draft?: { id: string; files: Record<string, string[]> },
  ) {
    const res = await call(who, '/api/dossiers', {
      body: {
        procedureCode,
        answers: { ...answers, ...draft?.files },
        ...(draft ? { dossierId: draft.id } : {}),
        submit: true,
      },
    });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    return {
      id: body.dossier.id as string,
      code: body.dossier.code as string,
      key: body.trackingKey as string,
    };
  }

  const print = (who: Who | undefined, id: string, form: string, query = '', slug?: string) =>
    call(who, `/api/dossiers/${id}/forms/${form}${query}`, slug ? { slug } : {});
  const download = (who: Who | undefined, id: string, documentId: string, slug?: string) =>
    call(who, `/api/dossiers/${id}/documents/${documentId}/content`, slug ? { slug } : {});

  return { call, act, upload, submit, print, download };
}
