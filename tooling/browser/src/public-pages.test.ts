// The pages anyone reaches without an account: the platform's landing page, an agency's
// portal found from it, the language switch, and the pages for an unknown address or agency.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './axe.ts';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import { tabTo } from './keyboard.ts';
import type { PageWindow } from './page-types.ts';
import { type Agency, provisionAgency } from './seed.ts';

describe.skipIf(!chromiumReady())('public pages in Chromium', () => {
  const suite = useBrowserSuite('public-pages');
  let agency: Agency;
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'UBND tỉnh Cổng Công Khai');
  });

  it('the landing page explains where to go and links to the live agency’s portal', async () => {
    const page = await suite.open('phone');
    await page.goto(suite.url('/'));
    expect(await shown(page.locator('h1'))).toBe('Chào mừng đến Motcua');
    await suite.check(page, 'landing (vi)');

    // The agency's own host name: Chromium resolves every *.localhost to loopback.
    const link = page.getByRole('link', { name: agency.name });
    await leadsToNewPage(page, () => link.click());
    expect(page.url()).toBe(`http://${agency.slug}.localhost:${suite.app.port}/`);
    expect(await shown(page.locator('h1'))).toContain(agency.name);
    await suite.check(page, 'portal home (vi)');

    await leadsToNewPage(page, () => page.getByRole('link', { name: 'English' }).click());
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await shown(page.locator('h1'))).toContain('Public-service portal');
    await suite.check(page, 'portal home (en)');
  });

  it('the landing page in English', async () => {
    const page = await suite.open('desktop');
    await page.goto(suite.url('/?lang=en'));
    expect(await shown(page.locator('h1'))).toBe('Welcome to Motcua');
    await suite.check(page, 'landing (en)');
  });

  it('an unknown agency and an unknown page answer 404 with a readable page', async () => {
    const page = await suite.open('phone');
    const unknownAgency = await page.goto(suite.url('/t/khong-ton-tai/'));
    expect(unknownAgency?.status()).toBe(404);
    expect(await shown(page.locator('h1'))).toBe('Không tìm thấy cơ quan');
    await suite.check(page, 'unknown agency');

    const unknownPage = await page.goto(suite.tenantUrl(agency.slug, '/khong-co-trang-nay'));
    expect(unknownPage?.status()).toBe(404);
    expect(await shown(page.locator('h1'))).toBe('Không tìm thấy trang');
    await suite.check(page, 'page not found');
  });

  it('the checks themselves fail on a page that breaks the rules', async () => {
    const page = await suite.open('desktop');
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    // Broken on purpose through the DOM (markup may not carry inline style under the CSP).
    await page.evaluate(() => {
      const { document } = globalThis as unknown as PageWindow;
      document.querySelector('label[for="email"]')?.remove();
      document.querySelector('main')?.append(document.createElement('img'));
      for (const link of document.querySelectorAll('a')) link.style.outline = 'none';
    });
    const failure = await checkAccessibility(page, 'broken sign-in').then(
      () => 'no error',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/\[critical\] label: /);
    expect(failure).toMatch(/\[critical\] image-alt: /);
    await expect(tabTo(page, '#email')).rejects.toThrow(
      /focus is not visible on a "Chuyển đến nội dung chính"/,
    );
  });
});
