// A citizen on a phone: registers from the agency's portal (fixing the mistake the error
// summary points to), signs in, sees their account, signs out, and resets a forgotten
// password with the link that arrives by email.
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import { focusedId } from './keyboard.ts';
import { type Agency, addCitizen, type Citizen, provisionAgency } from './seed.ts';

describe.skipIf(!chromiumReady())('a citizen in Chromium on a phone', () => {
  const suite = useBrowserSuite('citizen');
  let agency: Agency;
  /** Registered before these tests, for the ones that do not register. */
  let earlier: Citizen;
  const citizen = {
    fullName: 'Nguyễn Thị Lan',
    email: 'lan.nguyen@example.vn',
    password: 'Hoa-Sen-Tren-Ho-2026',
  };
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'UBND tỉnh Hoa Sen');
    earlier = await addCitizen(suite.app.deps, agency, 'Lê Văn Bình');
  });

  it('registers, is shown what to fix, signs in and sees the account', async () => {
    const page = await suite.open('phone');
    await page.goto(suite.tenantUrl(agency.slug, '/'));
    await leadsToNewPage(page, () => page.getByRole('link', { name: 'Đăng ký tài khoản' }).click());
    expect(new URL(page.url()).pathname).toBe(`/t/${agency.slug}/register`);
    expect(await shown(page.locator('h1'))).toBe('Đăng ký tài khoản');
    await suite.check(page, 'register');

    await page.getByLabel('Họ và tên').fill(citizen.fullName);
    await page.getByLabel('Địa chỉ email').fill(citizen.email);
    await page.getByLabel('Mật khẩu').fill(citizen.password);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng ký', exact: true }).click());
    // Consent was not given: the summary says so and its link leads to the checkbox.
    expect(await page.title()).toMatch(/^Lỗi: /);
    const summary = page.locator('.error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    await suite.check(page, 'register with an error');
    await summary.getByRole('link').first().click();
    expect(await focusedId(page)).toBe('consent');
    expect(await page.locator('#consent').getAttribute('aria-describedby')).toContain('consent-error');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(citizen.fullName);

    await page.getByLabel('Mật khẩu').fill(citizen.password);
    await page.locator('#consent').check();
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng ký', exact: true }).click());
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in?registered=1'));
    expect(await shown(page.getByRole('status'))).toContain('Đã ghi nhận đăng ký');
    await suite.check(page, 'sign in after registering');

    await page.getByLabel('Email hoặc số điện thoại di động').fill(citizen.email);
    await page.getByLabel('Mật khẩu').fill(citizen.password);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));
    expect(await shown(page.locator('h1'))).toBe('Tài khoản của bạn');
    expect(await shown(page.locator('dl.summary'))).toContain(citizen.fullName);
    expect(await shown(page.locator('dl.summary'))).toContain('Người dân');
    await suite.check(page, 'citizen account');

    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng xuất' }).click());
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in'));
    await page.goto(suite.tenantUrl(agency.slug, '/account'));
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in'));
  });

  it('a wrong password is answered on the form, in Vietnamese and English', async () => {
    const page = await suite.open('phone');
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    await page.getByLabel('Email hoặc số điện thoại di động').fill(earlier.email);
    await page.getByLabel('Mật khẩu').fill('not-the-password-1');
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
    expect(await shown(page.locator('.error-summary h2'))).toBe('Có lỗi cần sửa');
    await suite.check(page, 'sign in with an error');

    await page.goto(suite.tenantUrl(agency.slug, '/sign-in?lang=en'));
    expect(await shown(page.locator('h1'))).toBe('Sign in');
    await suite.check(page, 'sign in (en)');
  });

  it('resets a forgotten password with the emailed link, then signs in with the new one', async () => {
    const page = await suite.open('phone');
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    await leadsToNewPage(page, () => page.getByRole('link', { name: 'Quên mật khẩu?' }).click());
    expect(await shown(page.locator('h1'))).toBe('Đặt lại mật khẩu');
    await suite.check(page, 'reset request');

    await page.getByLabel('Địa chỉ email').fill(earlier.email);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Gửi liên kết' }).click());
    expect(await shown(page.locator('h1'))).toBe('Hãy kiểm tra hộp thư');
    await suite.check(page, 'reset link sent');

    await suite.app.deliverMail(agency.slug);
    const mail = await suite.app.mail.waitFor(earlier.email);
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.text)?.[0];
    expect(link, mail.text).toMatch(new RegExp(`^${suite.tenantUrl(agency.slug, '/reset-password')}`));
    await page.goto(link ?? '');
    expect(await shown(page.locator('h1'))).toBe('Chọn mật khẩu mới');
    await suite.check(page, 'choose a new password');

    const newPassword = 'Trang-Sang-Ven-Song-2027';
    await page.getByLabel('Mật khẩu mới').fill(newPassword);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Lưu mật khẩu' }).click());
    expect(await shown(page.locator('h1'))).toBe('Đã đổi mật khẩu');
    await suite.check(page, 'password changed');

    await leadsToNewPage(page, () => page.getByRole('link', { name: 'Đăng nhập' }).click());
    await page.getByLabel('Email hoặc số điện thoại di động').fill(earlier.email);
    await page.getByLabel('Mật khẩu').fill(newPassword);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));
  });
});
