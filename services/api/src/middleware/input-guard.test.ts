import type { TenantSlug } from '@motcua/db';
import { createTestTenant } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantFingerprint, useSecurityFixture } from '../security-cases.ts';
import { readJson, testDomain, useTestApp } from '../testing.ts';
import { maxJsonDepth } from './body-limit.ts';
import { findBadText, textProblem } from './input-guard.ts';

const t = useTestApp();
const fixture = useSecurityFixture(t);
let slug: TenantSlug;
const host = () => `${slug}.${testDomain}`;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
});

const refusal = (path: string, message: string) => ({
  error: {
    code: 'invalid_input',
    message: `The request is not valid: ${path || 'the body'} ${message}.`,
    details: [{ path, message }],
  },
});
const nul = 'contains a NUL character';
const surrogate = 'is not well-formed Unicode (a lone surrogate)';
const encoding = 'is not valid percent-encoded UTF-8';

describe('text the database cannot take', () => {
  it('names the problem of a string, and the path of the first bad one in a value', () => {
    expect(textProblem('Nguyễn Văn Ánh 👍🏽 \u202eمرحبا')).toBeUndefined();
    expect(textProblem('a\u0000b')).toBe(nul);
    expect(textProblem('a\ud800')).toBe(surrogate);
    expect(textProblem('\udc00b')).toBe(surrogate);
    expect(findBadText({ a: [1, { b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ path: 'a.2.c', message: nul });
    expect(findBadText({ ok: { 'k\ud800': 1 } })).toEqual({
      path: 'ok.k\ud800',
      message: `has a name that ${surrogate}`,
    });
    expect(findBadText({ answers: { full_name: 'Trần Thị B' } })).toBeUndefined();
  });

  it.each([
    ['/api/procedures/%00', 'code', nul],
    ['/t/{slug}/api/procedures/%00', 'code', nul],
    ['/api/dossiers/a%00b', 'id', nul],
    ['/api/dossiers/%ED%A0%80/documents/doc_1/content', 'id', encoding],
    ['/api/dossiers/dos_1/documents/%E0%A4%A/content', 'documentId', encoding],
    ['/api/public/track?code=%00&key=k', 'code', nul],
    ['/api/public/track?code=c&key=%ED%A0%80', 'key', encoding],
    ['/api/dossiers?procedureCode=%', 'procedureCode', encoding],
    ['/api/tenant?%00=1', 'query', nul],
  ])('refuses %s with 400 naming %s', async (path, field, message) => {
    const res = await t.request(path.replace('{slug}', slug), {
      host: path.startsWith('/t/') ? testDomain : host(),
    });
    expect(res.status).toBe(400);
    expect(await readJson(res)).toEqual(refusal(field, message));
  });

  it('refuses NUL and lone surrogates in a JSON body with 400 naming the field, and registers nobody', async () => {
    const before = await tenantFingerprint(t, slug);
    for (const [fullName, message] of [
      ['Nguyễn\u0000', nul],
      ['\ud800', surrogate],
    ] as const) {
      const res = await t.request('/api/auth/register', {
        host: host(),
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          email: 'moi@example.vn',
          fullName,
          password: 'Correct-Horse-Battery-9',
          consent: true,
        }),
      });
      expect(res.status).toBe(400);
      expect(await readJson(res)).toEqual(refusal('fullName', message));
    }
    expect(await tenantFingerprint(t, slug)).toEqual(before);
  });

  it('refuses them deep in a dossier’s answers, where no schema names the strings', async () => {
    const res = await t.request('/api/dossiers', {
      host: `${fixture.tenant}.${testDomain}`,
      method: 'POST',
      headers: {
        ...json,
        cookie: `motcua_session=${fixture.citizen}`,
        origin: `http://${fixture.tenant}.${testDomain}`,
      },
      body: '{"procedureCode":"1.000001.H48","answers":{"people":[{"full_name":"x\\ud800y"}]}}',
    });
    expect(res.status).toBe(400);
    expect(await readJson(res)).toEqual(refusal('answers.people.0.full_name', surrogate));
  });

  it('refuses answers nested 100,000 deep (they overflowed the stack when stored) with 400', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const res = await t.request('/api/dossiers', {
      host: `${fixture.tenant}.${testDomain}`,
      method: 'POST',
      headers: {
        ...json,
        cookie: `motcua_session=${fixture.citizen}`,
        origin: `http://${fixture.tenant}.${testDomain}`,
      },
      body: `{"procedureCode":"1.000001.H48","answers":${deep}}`,
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.details).toEqual([
      { path: '', message: `JSON may nest at most ${maxJsonDepth} levels deep.` },
    ]);
  });

  it('refuses them in a page’s form fields and file names with a page', async () => {
    const page = { accept: 'text/html' };
    const urlencoded = await t.request('/register', {
      host: host(),
      method: 'POST',
      headers: { ...page, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.vn&fullName=A%00B&password=x&consent=on',
    });
    expect(urlencoded.status).toBe(400);
    expect(urlencoded.headers.get('content-type')).toContain('text/html');
    expect(await urlencoded.text()).toContain('fullName contains a NUL character');

    const form = new FormData();
    form.append('revision', '1');
    form.append('paper-file', new File(['%PDF-1.7'], 'giay\u0000.pdf'));
    const multipart = await t.request('/dossiers/dos_1/supplement', {
      host: host(),
      method: 'POST',
      headers: page,
      body: form,
    });
    expect(multipart.status).toBe(400);
    expect(await multipart.text()).toContain('paper-file has a file name that contains a NUL character');
  });

  it('refuses a form body that cannot be read as one', async () => {
    const res = await t.request('/api/auth/sign-in', {
      host: host(),
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--y\r\nnot a part\r\n',
    });
    expect(res.status).toBe(400);
    expect(await readJson(res)).toEqual(refusal('', 'is not a form that can be read'));
  });
});
