// The same sign-in flows with the keyboard alone: Tab to move (the focus always visible), Enter
// to follow a link or send a form, Space for a checkbox; typing only into the focused field.
import { testSlug } from '@motcua/db/testing';
import { authenticator } from '@motcua/testing/totp';
import { beforeAll, describe, expect, it } from 'vitest';
import { press } from './flows.ts';
import { chromiumReady, shown, useBrowserSuite } from './harness.ts';
import { focusedId, focusState, tabTo, typeInto } from './keyboard.ts';
import {
  type Agency,
  addCitizen,
  addOperator,
  addStaffMember,
  type Citizen,
  provisionAgency,
  type StaffMember,
} from './seed.ts';

describe.skipIf(!chromiumReady())('keyboard only, in Chromium', () => {
  const suite = useBrowserSuite('keyboard');
  let agency: Agency;
  let admin: StaffMember;
  /** Registered before these tests, for the one that signs in. */
  let earlier: Citizen;
  const citizen = { fullName: 'Võ Thị Hạnh', email: 'hanh.vo@example.vn', password: 'Ban-Phim-Thoi-2026' };
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'UBND tỉnh Bàn Phím');
    admin = await addStaffMember(suite.app.deps, agency, 'admin');
    earlier = await addCitizen(suite.app.deps, agency, 'Đặng Minh Khoa');
  });

  it('a citizen registers: skip link first, every field reached with Tab, consent with Space', async () => {
    const page = await suite.open('desktop');
    await page.goto(suite.tenantUrl(agency.slug, '/'));
    await tabTo(page, 'a.skip-link', 1);
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('main');
    await tabTo(page, 'main a[href$="/register"]');
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe(`/t/${agency.slug}/register`);

    await typeInto(page, '#fullName', citizen.fullName);
    await typeInto(page, '#email', citizen.email);
    await typeInto(page, '#password', citizen.password);
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    expect(await page.locator('#consent').isChecked()).toBe(true);
    await tabTo(page, 'main form button[type="submit"]');
    await press(page, 'Enter');
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in?registered=1'));
    await suite.check(page, 'keyboard: registered');
  });

  it('a citizen signs in after following the error summary back to the field', async () => {
    const page = await suite.open('desktop');
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    await tabTo(page, '#email');
    await press(page, 'Enter');
    // Sent empty: the summary's link takes the focus to the field it names.
    await tabTo(page, '.error-summary a[href="#email"]');
    await suite.check(page, 'keyboard: sign-in errors');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('email');
    expect(await page.locator('#email').getAttribute('aria-describedby')).toContain('email-error');
    await page.keyboard.type(earlier.email);
    await typeInto(page, '#password', earlier.password);
    await press(page, 'Enter');
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));

    await tabTo(page, 'main form button[type="submit"]');
    await press(page, 'Enter');
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in'));
  });

  it('an admin signs in with a TOTP code and creates an API key', async () => {
    const app = authenticator(admin.totpSecret ?? '');
    const page = await suite.open('desktop');
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    await typeInto(page, '#email', admin.email);
    await typeInto(page, '#password', admin.password);
    await press(page, 'Enter');
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in/totp'));
    await typeInto(page, '#code', app.next());
    await press(page, 'Enter');
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));

    await page.goto(suite.tenantUrl(agency.slug, '/console'));
    await tabTo(page, 'main a[href$="/console/api-keys"]');
    await press(page, 'Enter');
    expect(await shown(page.locator('h1'))).toBe('Khoá API');
    await typeInto(page, '#name', 'Kết nối bằng bàn phím');
    await tabTo(page, '#perm-dossiers\\.read');
    await page.keyboard.press('Space');
    await tabTo(page, 'main form button[type="submit"]');
    expect((await focusState(page, 'button')).label).toContain('Tạo khoá');
    await press(page, 'Enter');
    expect(await shown(page.locator('code.secret'))).toMatch(/^mc_test_/);
    await suite.check(page, 'keyboard: API key created');
  });

  it('a citizen files a dossier with a paper: search, form, upload, review and submit', async () => {
    const page = await suite.open('desktop');
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    await typeInto(page, '#email', earlier.email);
    await typeInto(page, '#password', earlier.password);
    await press(page, 'Enter');
    await page.goto(suite.tenantUrl(agency.slug, '/'));
    await typeInto(page, '#home-search-q', 'ly lich');
    await press(page, 'Enter');
    await tabTo(page, 'main a[href$="/procedures/2.000488"]');
    await press(page, 'Enter');
    await tabTo(page, '#start-dossier');
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toMatch(/\/dossiers\/dos_\w+\/edit$/);

    // A radio group is one Tab stop; the arrow keys choose within it.
    await tabTo(page, '#f-certificate_type-0');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-certificate_type-1').isChecked()).toBe(true);
    await typeInto(page, '#f-applicant_full_name', earlier.fullName);
    await typeInto(page, '#f-applicant_citizen_id', '048086003517');
    // Typed as digits in the browser's own day/month order (its UI language, not the page's):
    // the same day and month read the same either way.
    await typeInto(page, '#f-applicant_birth_date', '04041986');
    expect(await page.locator('#f-applicant_birth_date').inputValue()).toBe('1986-04-04');
    await typeInto(page, '#f-applicant_phone', '0905214386');
    await tabTo(page, '#f-residence_address-province');
    for (let i = 0; i < 60 && (await page.locator(':focus').inputValue()) !== '48'; i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.locator('#f-residence_address-province').inputValue()).toBe('48');
    await typeInto(page, '#f-residence_address-commune', 'Phường Hải Châu');
    await typeInto(page, '#f-residence_address-street', '25 Lê Lợi');
    await typeInto(page, '#f-purpose', 'Xin việc');
    await typeInto(page, '#f-certificate_count', '1');
    await tabTo(page, '#f-fee_group-0');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#f-declaration_confirmed');
    await page.keyboard.press('Space');
    await tabTo(page, '#update-form');
    await press(page, 'Enter');

    // The file chooser opens from the keyboard too.
    await tabTo(page, '#doc-fee_group_proof-file', 80);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({
      name: 'giay-xac-nhan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\ntrailer <<>>\n%%EOF\n'),
    });
    await tabTo(page, '#upload-fee_group_proof');
    await press(page, 'Enter');
    await page.locator('#doc-fee_group_proof-files').getByText('giay-xac-nhan.pdf').waitFor();
    await tabTo(page, '#continue', 80);
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toMatch(/\/review$/);
    await tabTo(page, '#submit-dossier', 80);
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toMatch(/\/receipt$/);
    await suite.check(page, 'keyboard: dossier receipt');
  });

  it('an operator signs in with a TOTP code and onboards an agency', async () => {
    const operator = await addOperator(suite.app.deps);
    const app = authenticator(operator.totpSecret ?? '');
    const page = await suite.open('desktop');
    await page.goto(suite.url('/ops/sign-in'));
    await typeInto(page, '#email', operator.email);
    await typeInto(page, '#password', operator.password);
    await press(page, 'Enter');
    await typeInto(page, '#code', app.next());
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe('/ops');
    await tabTo(page, '#ops-new-tenant');
    await press(page, 'Enter');

    const slug = testSlug('kb');
    await typeInto(page, '#name', 'UBND xã Bàn Phím');
    await typeInto(page, '#slug', slug);
    await tabTo(page, 'input[name="kind"]');
    // The group's first choice is focused; move to "province" with the arrow keys.
    for (let i = 0; i < 5 && !(await page.locator('#kind-province').isChecked()); i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.locator('#kind-province').isChecked()).toBe(true);
    await typeInto(page, '#adminEmail', `quantri@${slug}.gov.vn`);
    await tabTo(page, '#ops-create-tenant');
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe(`/ops/tenants/${slug}`);
    await page.locator('#progress-done').waitFor({ state: 'visible' });
    await suite.check(page, 'keyboard: agency onboarded');
  });
});
