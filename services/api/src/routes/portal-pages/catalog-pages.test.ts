// The portal's public pages over HTTP with real PostgreSQL: the front page, search without
// diacritics, a procedure's page, and tracking by code and key (right pair, wrong pair, limit).
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion, seedStarterCatalog } from '@motcua/engine';
import { testProcedure } from '@motcua/engine/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';
import { callApi, expectAccessiblePage, textOf, visit, type Who } from './test-support.ts';

const t = useTestApp();
let slug: TenantSlug;
let citizen: Who;

async function addCitizen(tenant: TenantSlug): Promise<Who> {
  const id = newId('usr');
  await withTenant(t.deps.database, tenant, (db) =>
    db.insert(citizens).values({ id, email: `${id.toLowerCase()}@example.vn`, fullName: 'Trần Văn Nam' }),
  );
  const { token } = await createTenantSession(t.deps.database, tenant, {
    kind: 'citizen',
    principalId: id,
    twoFactorVerified: true,
  });
  return { cookie: `motcua_session=${token}`, id };
}

const goodAnswers = {
  full_name: 'Trần Văn Nam',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};

async function submitDossier(tenant: TenantSlug, who: Who, procedureCode = testProcedure.code) {
  const res = await callApi(t, tenant, who, '/api/dossiers', {
    procedureCode,
    answers: goodAnswers,
    submit: true,
  });
  expect(res.status).toBe(201);
  const saved = await readJson(res);
  return {
    id: saved.dossier.id as string,
    code: saved.dossier.code as string,
    key: saved.trackingKey as string,
  };
}

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  await withTenant(t.deps.database, slug, async (db) => {
    await seedStarterCatalog(db);
    await publishVersion(db, testProcedure, 'test');
  });
  citizen = await addCitizen(slug);
});

describe('the front page', () => {
  it('has search, every published procedure one click away, and the ways in, in both languages', async () => {
    const { procedures } = await readJson(await callApi(t, slug, undefined, '/api/procedures'));
    expect(procedures.length).toBe(6);
    for (const lang of ['vi', 'en'] as const) {
      const res = await visit(t, slug, undefined, `/?lang=${lang}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expectAccessiblePage(html, lang);
      expect(html).toContain(`action="/procedures"`);
      expect(html).toContain('<label for="home-search-q">');
      for (const { code } of procedures) expect(html).toContain(`href="/procedures/${code}?lang=${lang}"`);
      for (const path of ['/sign-in', '/register', '/track', '/dossiers']) {
        expect(html).toContain(`href="${path}?lang=${lang}"`);
      }
    }
    const vi = textOf(await (await visit(t, slug, undefined, '/')).text());
    expect(vi).toContain('Thủ tục được sử dụng nhiều');
    expect(vi).toContain('Đăng ký khai sinh');
    expect(vi).toContain('Đăng ký tài khoản');
  });

  it('lists the most used first: by dossiers sent in the last 90 days, counted again after ten minutes', async () => {
    const tenant = await createTestTenant(t.deps.database);
    const later = { ...testProcedure, code: '9.999999', name: { vi: 'Thủ tục ít dùng', en: 'Rarely used' } };
    await withTenant(t.deps.database, tenant, async (db) => {
      await seedStarterCatalog(db);
      await publishVersion(db, testProcedure, 'test');
      await publishVersion(db, later, 'test');
    });
    const person = await addCitizen(tenant);
    const start = new Date('2026-03-02T02:00:00Z');
    t.deps.clock = () => start;
    try {
      const order = async () => {
        const html = await (await visit(t, tenant, undefined, '/')).text();
        return [...html.matchAll(/href="\/procedures\/([0-9.A-Z]+)"/g)].map((m) => m[1]);
      };
      // No filings yet: the catalog's order, 9.999999 last.
      const before = await order();
      expect(before.at(-1)).toBe(later.code);
      await submitDossier(tenant, person, later.code);
      await submitDossier(tenant, person, later.code);
      await submitDossier(tenant, person);
      // Counted at the first visit; still the same order within ten minutes.
      expect(await order()).toEqual(before);
      t.deps.clock = () => new Date(start.getTime() + 11 * 60_000);
      const after = await order();
      expect(after.slice(0, 2)).toEqual([later.code, testProcedure.code]);
      expect(after.slice(2)).toEqual(before.filter((c) => c !== later.code && c !== testProcedure.code));
      // Filings older than 90 days no longer count.
      t.deps.clock = () => new Date(start.getTime() + 91 * 86_400_000);
      expect(await order()).toEqual(before);
    } finally {
      t.deps.clock = () => new Date();
    }
  });

  it('does not offer a signed-in citizen to sign in again', async () => {
    const html = await (await visit(t, slug, citizen, '/')).text();
    expect(html).toContain('href="/dossiers"');
    expect(html).not.toContain('href="/sign-in"');
  });

  it('links under /t/<slug> on the path fallback', async () => {
    const res = await t.request(`/t/${slug}/`, { host: testDomain, headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(html).toContain(`action="/t/${slug}/procedures"`);
    expect(html).toContain(`href="/t/${slug}/procedures/1.001193"`);
  });
});

describe('procedure search', () => {
  const found = async (query: string) => {
    const res = await visit(t, slug, undefined, `/procedures?q=${encodeURIComponent(query)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    return [...html.matchAll(/href="\/procedures\/([^"?]+)"/g)].map((m) => m[1]);
  };

  it.each([
    ['dang ky khai sinh', ['1.001193']],
    ['Đăng ký khai sinh', ['1.001193']],
    ['GIAY PHEP XAY DUNG', ['1.009994']],
    ['ly lich tu phap', ['2.000488']],
    ['dang ky', ['1.001193', '1.004222', '2.000720']],
    ['1.004222', ['1.004222']],
    ['không có thủ tục này', []],
  ])('"%s" finds %j', async (query, codes) => {
    expect(await found(query)).toEqual(codes);
  });

  it('lists the whole catalog without a query, keeps the words typed, and says when nothing matches', async () => {
    expect((await found('')).length).toBe(6);
    const html = await (await visit(t, slug, undefined, '/procedures?q=khong%20co')).text();
    expect(html).toContain('value="khong co"');
    expect(textOf(html)).toContain('Không tìm thấy thủ tục phù hợp');
    const en = await (await visit(t, slug, undefined, '/procedures?q=birth&lang=en')).text();
    expectAccessiblePage(en, 'en');
    expect(en).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(textOf(en)).toContain('Birth registration');
  });
});

describe('a procedure’s page', () => {
  it('shows who it is for, documents with templates, fee, time, both level labels and the law', async () => {
    const res = await visit(t, slug, undefined, '/procedures/1.009994');
    expect(res.status).toBe(200);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    const text = textOf(html);
    for (const expected of [
      'Mã thủ tục',
      'Một phần (mức độ 3)',
      '15 ngày',
      '75.000 đ',
      'Căn cứ pháp lý',
      'Thành phần hồ sơ',
      'Nộp hồ sơ trực tuyến',
    ]) {
      expect(text).toContain(expected);
    }
    expect(html).toContain(
      'href="/api/procedures/1.009994/templates/ban-cam-ket-an-toan-cong-trinh-lien-ke.docx"',
    );
    expect(html).toContain('href="/dossiers/new?procedure=1.009994"');
    expect(html).toMatch(/<th scope="col">Giấy tờ<\/th>/);
  });

  it('says a free procedure is free, in English too', async () => {
    const vi = textOf(await (await visit(t, slug, undefined, '/procedures/1.001193')).text());
    expect(vi).toContain('Toàn trình (mức độ 4)');
    expect(vi).toContain('Không mất phí');
    expect(vi).toContain('1 ngày làm việc');
    const res = await visit(t, slug, undefined, '/procedures/1.001193?lang=en');
    const en = await res.text();
    expectAccessiblePage(en, 'en');
    expect(textOf(en)).toContain('Full online (level 4)');
    expect(en).toContain('href="/dossiers/new?procedure=1.001193&amp;lang=en"');
  });

  it('is 404 for a code nobody published', async () => {
    const res = await visit(t, slug, undefined, '/procedures/9.999999');
    expect(res.status).toBe(404);
    expect(textOf(await res.text())).toContain('Không tìm thấy trang');
  });
});

describe('tracking', () => {
  it('shows an empty form, then where the dossier is for the right pair', async () => {
    const blank = await visit(t, slug, undefined, '/track');
    expect(blank.status).toBe(200);
    expect(blank.headers.get('cache-control')).toBe('no-store');
    expectAccessiblePage(await blank.text(), 'vi');
    const dossier = await submitDossier(slug, citizen);
    const key = `${dossier.key.slice(0, 4)} ${dossier.key.slice(4)}`.toLowerCase();
    const res = await visit(t, slug, undefined, `/track?code=${dossier.code}&key=${encodeURIComponent(key)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    const text = textOf(html);
    expect(text).toContain(dossier.code);
    expect(text).toContain('Cấp giấy xác nhận thử nghiệm');
    expect(text).toContain('Mới đăng ký');
    expect(text).toContain('Nộp hồ sơ');
    expect(text).not.toContain('Trần Văn Nam');
  });

  it('gives a wrong key and an unknown code the same answer, and names malformed fields', async () => {
    const dossier = await submitDossier(slug, citizen);
    const wrongKey = dossier.key === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    const answers = [];
    for (const query of [
      `code=${dossier.code}&key=${wrongKey}`,
      `code=000.00.00.H99-250101-9999&key=${dossier.key}`,
    ]) {
      const res = await visit(t, slug, undefined, `/track?${query}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expectAccessiblePage(html, 'vi');
      answers.push(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0]);
    }
    expect(answers[0]).toContain('Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này');
    expect(answers[1]).toBe(answers[0]);
    const malformed = await visit(t, slug, undefined, '/track?code=x&key=123&lang=en');
    expect(malformed.status).toBe(400);
    const html = await malformed.text();
    expectAccessiblePage(html, 'en');
    expect(html).toContain('href="#code"');
    expect(html).toContain('href="#key"');
  });

  it('says so when the lookups are too many', async () => {
    const other = await createTestTenant(t.deps.database);
    let res: Response | undefined;
    for (let i = 0; i < 31; i += 1)
      res = await visit(t, other, undefined, '/track?code=000.00.00.H99-250101-0001&key=AAAAAAAA');
    expect(res?.status).toBe(429);
    expect(res?.headers.get('retry-after')).toBeTruthy();
    expect(textOf((await res?.text()) ?? '')).toContain('Bạn đã tra cứu quá nhiều lần');
  });
});
