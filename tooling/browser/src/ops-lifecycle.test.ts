// An agency's lifecycle from the operator console, in Chromium: an operator suspends an agency
// (its portal then answers 503 with a page a person can read, its front page and tracking
// staying open), resumes it, and offboards another through the confirmation page, which asks
// for the agency's slug typed out; the export is then offered for download.

import { authenticator } from '@motcua/testing/totp';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { press, readDownload, signInOperator } from './flows.ts';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import { focusedId, tabTo } from './keyboard.ts';
import { type Agency, addOperator, provisionAgency, type StaffMember } from './seed.ts';

describe.skipIf(!chromiumReady())('an agency’s lifecycle from the operator console, in Chromium', () => {
  const suite = useBrowserSuite('ops-lifecycle');
  let operator: StaffMember;
  /** Suspended and resumed. */
  let paused: Agency;
  /** Offboarded. */
  let leaving: Agency;
  let ops: Page;
  beforeAll(async () => {
    operator = await addOperator(suite.app.deps);
    paused = await provisionAgency(suite.app.deps, 'UBND xã Tạm Nghỉ');
    leaving = await provisionAgency(suite.app.deps, 'UBND xã Sáp Nhập');
    ops = await suite.open('desktop');
    await signInOperator(suite, ops, operator, authenticator(operator.totpSecret ?? ''));
  });

  const status = () => shown(ops.locator('#ops-tenant-status'));
  const notice = () => shown(ops.locator('main .banner[role="status"]'));

  it('suspends an agency: its portal answers 503 with a readable page, then resumes it', async () => {
    await leadsToNewPage(ops, () => ops.getByRole('link', { name: paused.name, exact: true }).click());
    expect(new URL(ops.url()).pathname).toBe(`/ops/tenants/${paused.slug}`);
    expect(await status()).toBe('Đang hoạt động');
    await suite.check(ops, 'operator agency (active)');

    await leadsToNewPage(ops, () => ops.locator('#ops-suspend').click());
    expect(await notice()).toBe('Đã tạm ngừng cơ quan.');
    expect(await status()).toBe('Tạm ngừng');
    expect(await ops.locator('#ops-suspend').count()).toBe(0);
    await suite.check(ops, 'operator agency (suspended)');

    const visitor = await suite.open('phone');
    const refused = await visitor.goto(suite.tenantUrl(paused.slug, '/procedures/2.000488'));
    expect(refused?.status()).toBe(503);
    expect(refused?.headers()['retry-after']).toBe('3600');
    expect(await shown(visitor.locator('h1'))).toBe('Cổng dịch vụ công đang tạm ngừng');
    expect(await shown(visitor.locator('header'))).toContain(paused.name);
    await suite.check(visitor, 'suspended agency page (503)');
    // The front page stays up and says why nothing can be filed.
    const front = await visitor.goto(suite.tenantUrl(paused.slug, '/'));
    expect(front?.status()).toBe(200);
    expect(await shown(visitor.locator('main .banner'))).toContain('Cổng dịch vụ công đang tạm ngừng');
    await suite.check(visitor, 'suspended agency front page');

    await leadsToNewPage(ops, () => ops.locator('#ops-resume').click());
    expect(await notice()).toBe('Cơ quan đã hoạt động trở lại.');
    expect(await status()).toBe('Đang hoạt động');
    await suite.check(ops, 'operator agency (resumed)');
    const again = await visitor.goto(suite.tenantUrl(paused.slug, '/procedures/2.000488'));
    expect(again?.status()).toBe(200);
    expect(await shown(visitor.locator('h1'))).toBe('Cấp Phiếu lý lịch tư pháp');
  });

  it('offboards an agency through the confirmation page, then offers its export', async () => {
    await ops.goto(suite.url(`/ops/tenants/${leaving.slug}`));
    await leadsToNewPage(ops, () => ops.locator('#ops-offboard').click());
    expect(new URL(ops.url()).pathname).toBe(`/ops/tenants/${leaving.slug}/offboard`);
    expect(await shown(ops.locator('main'))).toContain('Chưa có bản xuất nào');
    await suite.check(ops, 'operator offboard confirmation');

    // A slip of the keyboard: the page says so, and its summary leads back to the field.
    await ops.locator('#confirm').fill(`${leaving.slug}x`);
    await leadsToNewPage(ops, () => ops.locator('#ops-offboard-confirm').click());
    expect(await shown(ops.locator('.error-summary'))).toContain('không khớp');
    await suite.check(ops, 'operator offboard confirmation (mistyped)');
    await tabTo(ops, '.error-summary a[href="#confirm"]');
    await ops.keyboard.press('Enter');
    expect(await focusedId(ops)).toBe('confirm');
    expect(await ops.locator('#confirm').getAttribute('aria-describedby')).toContain('confirm-error');
    await ops.keyboard.press('ControlOrMeta+A');
    await ops.keyboard.type(leaving.slug);
    await press(ops, 'Enter');

    expect(new URL(ops.url()).pathname).toBe(`/ops/tenants/${leaving.slug}`);
    expect(await notice()).toBe('Đã bắt đầu chấm dứt: dữ liệu được xuất trước khi xoá.');
    // Revealed by the live script when the run ends (or drawn so by the server if it already had).
    const done = ops.locator('#progress-done');
    await done.waitFor({ state: 'visible' });
    expect(await shown(done)).toContain('Chấm dứt xong');
    await suite.check(ops, 'operator agency offboarded (live)');
    // The export is offered where the operator's eyes are when the run ends: in the banner
    // the live script reveals, as a reload would draw it.
    const offered = done.locator(`a[href$="/api/ops/tenants/${leaving.slug}/export"]`);
    expect(await offered.count(), 'the revealed "offboarding finished" banner offers the export').toBe(1);
  });

  it('the offboarded agency’s page offers its export, and its address serves nothing', async () => {
    await ops.goto(suite.url(`/ops/tenants/${leaving.slug}`));
    expect(await status()).toBe('Đã chấm dứt');
    expect(await ops.locator('#ops-offboard').count()).toBe(0);
    await suite.check(ops, 'operator agency (offboarded)');
    const [download] = await Promise.all([ops.waitForEvent('download'), ops.locator('#ops-export').click()]);
    const archive = await readDownload(download);
    expect([...archive.subarray(0, 2)], 'a gzip archive').toEqual([0x1f, 0x8b]);

    const visitor = await suite.open('phone');
    const gone = await visitor.goto(suite.tenantUrl(leaving.slug, '/'));
    expect(gone?.status()).toBe(404);
    expect(await shown(visitor.locator('h1'))).toBe('Không tìm thấy cơ quan');
    await suite.check(visitor, 'offboarded agency address (404)');
  });
});
