import { createTestTenant } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';
import {
  expectAccessiblePage,
  expectErrorSummaryLinks,
  type OpsBrowser,
  signedInOperator,
} from './test-support.ts';

const t = useTestApp();
let owner: OpsBrowser;

beforeAll(async () => {
  owner = await signedInOperator(t, 'owner');
});

async function statusOf(slug: string) {
  return (await readJson(await t.ops(`/api/ops/tenants/${slug}`))).tenant.status as string;
}

describe('an agency’s lifecycle from its page', () => {
  it('suspends and resumes, telling what happened, and refuses what does not apply', async () => {
    const slug = await createTestTenant(t.deps.database);
    const page = await (await owner.go(`/ops/tenants/${slug}`)).text();
    expectAccessiblePage(page, 'vi');
    expect(page).toContain('id="ops-suspend"');
    expect(page).not.toContain('id="ops-resume"');

    expect(page).toContain('<label for="reason">Lý do tạm ngừng (không bắt buộc)</label>');
    // Too long a reason: the page again with the message tied to the field, what was typed kept, nothing changed.
    const tooLong = await owner.post(`/ops/tenants/${slug}/suspend`, { reason: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    const tooLongHtml = await tooLong.text();
    expectAccessiblePage(tooLongHtml, 'vi');
    expect(tooLongHtml).toContain('href="#reason"');
    expect(tooLongHtml).toContain('aria-describedby="reason-hint reason-error"');
    expect(tooLongHtml).toContain(`>${'x'.repeat(501)}</textarea>`);
    expect(await statusOf(slug)).toBe('active');

    const suspended = await owner.post(`/ops/tenants/${slug}/suspend?lang=en`, {
      reason: 'Chưa thanh toán hợp đồng thuê quý 3',
    });
    expect(suspended.status).toBe(303);
    expect(suspended.headers.get('location')).toBe(`/ops/tenants/${slug}?notice=suspended&lang=en`);
    expect(await statusOf(slug)).toBe('suspended');
    // The agency's own host refuses its staff at once: the resolver cache was invalidated.
    const staff = await t.request('/console', {
      host: `${slug}.${testDomain}`,
      headers: { accept: 'text/html' },
    });
    expect(staff.status).toBe(503);
    const after = await (await owner.go(`/ops/tenants/${slug}?notice=suspended&lang=en`)).text();
    expectAccessiblePage(after, 'en');
    expect(after).toContain('The agency is suspended.');
    expect(after).toContain('<strong class="ops-tag ops-tag-suspended">Suspended</strong>');
    expect(after).toContain('id="ops-resume"');
    expect(after).toContain('<dd id="ops-suspended-reason">Chưa thanh toán hợp đồng thuê quý 3</dd>');

    const twice = await owner.post(`/ops/tenants/${slug}/suspend`, {});
    expect(twice.status).toBe(409);
    const twiceHtml = await twice.text();
    expectAccessiblePage(twiceHtml, 'vi');
    expect(twiceHtml).toContain('class="error-summary"');

    const resumed = await owner.post(`/ops/tenants/${slug}/resume`, {});
    expect(resumed.headers.get('location')).toBe(`/ops/tenants/${slug}?notice=resumed`);
    expect(await statusOf(slug)).toBe('active');
    const [audit] = await t.deps.database.sql<{ actor: string }[]>`
      select a.actor from platform.audit a join platform.tenants x on x.id = a.tenant_id
      where x.slug = ${slug} and a.action = 'tenant.resumed'`;
    expect(audit?.actor).toMatch(/^operator:opr_/);
  });

  it('offboards only when the slug is typed, then offers the export', async () => {
    const slug = await createTestTenant(t.deps.database);
    const confirm = await owner.go(`/ops/tenants/${slug}/offboard`);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expectAccessiblePage(confirmHtml, 'vi');
    expect(confirmHtml).toContain('Chưa có bản xuất nào');
    expect(confirmHtml).toContain('id="ops-offboard-form"');

    for (const typed of ['', slug.toUpperCase(), `${slug}x`]) {
      const refused = await owner.post(`/ops/tenants/${slug}/offboard?lang=en`, { confirm: typed });
      expect(refused.status, typed).toBe(400);
      const html = await refused.text();
      expectAccessiblePage(html, 'en');
      expectErrorSummaryLinks(html, ['confirm']);
      expect(html).toContain('The slug you typed does not match');
    }
    expect(await statusOf(slug)).toBe('active');

    const started = await owner.post(`/ops/tenants/${slug}/offboard`, { confirm: slug });
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe(`/ops/tenants/${slug}?notice=offboarding`);
    await t.settle();
    expect(await statusOf(slug)).toBe('offboarded');
    const html = await (await owner.go(`/ops/tenants/${slug}`)).text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('<strong class="ops-tag ops-tag-offboarded">Đã chấm dứt</strong>');
    expect(html).toContain('id="step-export"');
    expect(html).toContain(`href="/api/ops/tenants/${slug}/export"`);
    expect(html).not.toContain('id="ops-offboard"');
    // The operator's session downloads the archive from the operator API.
    const archive = await owner.go(`/api/ops/tenants/${slug}/export`);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/gzip');
    await archive.arrayBuffer();
    // Nothing left to offboard: the confirmation page sends the operator back.
    expect((await owner.go(`/ops/tenants/${slug}/offboard`)).headers.get('location')).toBe(
      `/ops/tenants/${slug}`,
    );
  });

  it('lets billing and support read but not change (403 page), and changes nothing', async () => {
    const slug = await createTestTenant(t.deps.database);
    for (const role of ['billing', 'support'] as const) {
      const reader = await signedInOperator(t, role);
      expect((await reader.go('/ops')).status).toBe(200);
      const page = await reader.go(`/ops/tenants/${slug}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Vai trò của bạn chỉ được xem');
      expect(html).not.toContain('id="ops-suspend"');
      expect(html).not.toContain('id="ops-offboard"');
      for (const [path, fields] of [
        ['/ops/tenants/new', undefined],
        [`/ops/tenants/${slug}/offboard`, undefined],
        [`/ops/tenants/${slug}/suspend`, {}],
        [`/ops/tenants/${slug}/offboard`, { confirm: slug }],
        ['/ops/tenants', { name: 'UBND mới', slug: `${slug}-x`, kind: 'province', adminEmail: 'a@b.gov.vn' }],
      ] as const) {
        const res = fields ? await reader.post(path, fields) : await reader.go(path);
        expect(res.status, `${role} ${path}`).toBe(403);
        const forbidden = await res.text();
        expectAccessiblePage(forbidden, 'vi');
        expect(forbidden).toContain('Bạn không có quyền thực hiện việc này');
      }
    }
    await t.settle();
    expect(await statusOf(slug)).toBe('active');
    expect((await t.ops(`/api/ops/tenants/${slug}-x`)).status).toBe(404);
  });
});
