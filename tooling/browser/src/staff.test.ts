// Agency staff in Chromium: the first admin of a newly provisioned agency accepts the
// invitation, enrols an authenticator, uses the console (staff, API keys), signs out and
// back in with a TOTP code; the reception officer they invite joins and is kept out of the
// admin's pages.

import { authenticator } from '@motcua/testing/totp';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import { type Agency, firstAdminInvitationLink, provisionAgency } from './seed.ts';

const adminPassword = 'Quan-Tri-Vien-Dau-Tien-2026';
const receptionEmail = 'tiep-nhan@example.gov.vn';
const receptionPassword = 'Mot-Cua-Dien-Tu-2026';

describe.skipIf(!chromiumReady())('agency staff in Chromium', () => {
  const suite = useBrowserSuite('staff');
  let agency: Agency;
  let app: ReturnType<typeof authenticator>;
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'Sở Tư pháp tỉnh Thử Nghiệm');
  });

  const signIn = async (page: Page, email: string, password: string) => {
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    await page.getByLabel('Email hoặc số điện thoại di động').fill(email);
    await page.getByLabel('Mật khẩu').fill(password);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
  };

  it('the first admin accepts the invitation and enrols an authenticator', async () => {
    const page = await suite.open('desktop');
    await page.goto(await firstAdminInvitationLink(suite.app.deps, agency, suite.app.origin));
    expect(await shown(page.locator('h1'))).toBe('Nhận lời mời');
    await suite.check(page, 'accept invitation');
    await page.getByLabel('Mật khẩu mới').fill(adminPassword);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đặt mật khẩu' }).click());
    expect(await shown(page.locator('h1'))).toBe('Tài khoản đã sẵn sàng');
    await suite.check(page, 'invitation accepted');

    await signIn(page, agency.adminEmail, adminPassword);
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in/totp/enrol'));
    await suite.check(page, 'enrol authenticator');
    // What a person types into their authenticator app: the secret shown in groups of four.
    const secret = await shown(page.locator('dl.summary code.secret').last());
    app = authenticator(secret.replace(/\s+/g, ''));
    await page.getByLabel('Mã 6 chữ số').fill(app.next());
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Xác nhận và tiếp tục' }).click());
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/console'));
    expect(await shown(page.locator('h1'))).toBe('Bảng điều khiển của cơ quan');
    await suite.check(page, 'console home');
  });

  it('the admin invites a reception officer and creates an API key', async () => {
    const page = await suite.open('desktop');
    await signIn(page, agency.adminEmail, adminPassword);
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in/totp'));
    await suite.check(page, 'enter verification code');
    await page.getByLabel('Mã 6 chữ số').fill(app.next());
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Tiếp tục' }).click());
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));
    expect(await shown(page.locator('dl.summary'))).toContain('Cán bộ');
    await suite.check(page, 'staff account');

    await page.goto(suite.tenantUrl(agency.slug, '/console'));
    await leadsToNewPage(page, () => page.getByRole('link', { name: 'Cán bộ', exact: true }).click());
    expect(await shown(page.locator('h1'))).toBe('Cán bộ');
    await suite.check(page, 'console staff');
    await page.getByLabel('Họ và tên').fill('Phạm Văn Tiếp');
    await page.getByLabel('Địa chỉ email').fill(receptionEmail);
    await page.getByLabel('Vai trò', { exact: true }).selectOption('reception');
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Gửi lời mời' }).click());
    expect(await shown(page.getByRole('status'))).toContain(receptionEmail);
    expect(await shown(page.locator('table'))).toContain('Phạm Văn Tiếp');
    await suite.check(page, 'console staff after inviting');

    await leadsToNewPage(page, () => page.getByRole('link', { name: 'Về bảng điều khiển' }).click());
    await leadsToNewPage(page, () => page.getByRole('link', { name: 'Khoá API' }).click());
    expect(await shown(page.locator('h1'))).toBe('Khoá API');
    await suite.check(page, 'console API keys');
    await page.getByLabel('Tên khoá').fill('Đồng bộ Cổng DVC quốc gia');
    await page.locator('#perm-dossiers\\.read').check();
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Tạo khoá' }).click());
    expect(await shown(page.locator('code.secret'))).toMatch(/^mc_test_/);
    await suite.check(page, 'console API key created');

    await page.goto(suite.tenantUrl(agency.slug, '/console/audit'));
    expect(await shown(page.locator('table'))).toContain('staff.invitation_sent');
    await suite.check(page, 'console audit');
  });

  it('the reception officer joins from the emailed link and cannot open the admin pages', async () => {
    await suite.app.deliverMail(agency.slug);
    const mail = await suite.app.mail.waitFor(receptionEmail);
    const link = /https?:\/\/\S+\/accept-invitation\?token=\S+/.exec(mail.text)?.[0] ?? '';
    expect(link, mail.text).toMatch(new RegExp(`^${suite.tenantUrl(agency.slug, '/accept-invitation')}`));
    const page = await suite.open('desktop');
    await page.goto(link);
    await page.getByLabel('Mật khẩu mới').fill(receptionPassword);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đặt mật khẩu' }).click());
    expect(await shown(page.locator('h1'))).toBe('Tài khoản đã sẵn sàng');

    await signIn(page, receptionEmail, receptionPassword);
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));
    const forbidden = await page.goto(suite.tenantUrl(agency.slug, '/console/staff'));
    expect(forbidden?.status()).toBe(403);
    expect(await shown(page.locator('h1'))).toBe('Bạn không có quyền xem trang này');
    await suite.check(page, 'console forbidden');
  });
});
