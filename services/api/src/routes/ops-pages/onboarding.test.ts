import { testSlug } from '@motcua/db/testing';
import { provisionSteps } from '@motcua/provisioning';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';
import {
  expectAccessiblePage,
  expectErrorSummaryLinks,
  type OpsBrowser,
  readEvents,
  signedInOperator,
} from './test-support.ts';

const t = useTestApp();
let owner: OpsBrowser;

beforeAll(async () => {
  owner = await signedInOperator(t, 'operator');
});
afterEach(async () => {
  await t.settle();
  delete t.deps.provisioning.hooks;
});

const fields = (slug: string) => ({
  name: `UBND tỉnh ${slug}`,
  slug,
  kind: 'province',
  adminEmail: `quantri@${slug}.gov.vn`,
});

/** The last status each step was reported with, in the order the stream first named them. */
function lastStatuses(events: { event: string; data: Record<string, string> }[]) {
  const statuses = new Map<string, string>();
  for (const { event, data } of events) {
    if (event === 'step' && data.name) statuses.set(data.name, data.status ?? '');
  }
  return statuses;
}

describe('onboarding through the operator console', () => {
  it('starts provisioning from the form; the stream reports each step then done; the portal is live', async () => {
    const form = await owner.go('/ops/tenants/new');
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expectAccessiblePage(formHtml, 'vi');
    expect(formHtml).toContain('id="ops-new-tenant-form"');
    expectAccessiblePage(await (await owner.go('/ops/tenants/new?lang=en')).text(), 'en');

    const slug = testSlug('onb');
    // The seed step waits until the stream has reported it running.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    t.deps.provisioning.hooks = {
      beforeStep: async (step, target) => {
        if (target === slug && step === 'seed') await held;
      },
    };
    const created = await owner.post('/ops/tenants', fields(slug));
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`/ops/tenants/${slug}?notice=created`);

    const stream = await owner.go(`/ops/tenants/${slug}/progress?lang=en`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readEvents(stream, ({ event, data }) => {
      if (event === 'step' && data.name === 'seed' && data.status === 'running') release();
    });
    const seed = events.filter((e) => e.event === 'step' && e.data.name === 'seed').map((e) => e.data.status);
    expect(seed.slice(-2)).toEqual(['running', 'done']);
    const statuses = lastStatuses(events);
    expect([...statuses.keys()]).toEqual([...provisionSteps]);
    expect([...statuses.values()]).toEqual(provisionSteps.map(() => 'done'));
    expect(events.at(-1)).toEqual({
      event: 'done',
      data: { kind: 'provision', message: 'Provisioning finished: the agency is live.' },
    });
    expect(events.filter((e) => e.event === 'done')).toHaveLength(1);
    expect(events.find((e) => e.event === 'step')?.data).toMatchObject({
      name: 'reserve',
      label: 'Reserve the slug',
      statusLabel: 'Done',
    });
    await t.settle();

    const detail = await owner.go(`/ops/tenants/${slug}?notice=created`);
    const html = await detail.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('Đã bắt đầu khởi tạo');
    expect(html).toContain('<strong class="ops-tag ops-tag-active">Đang hoạt động</strong>');
    for (const step of provisionSteps) expect(html).toContain(`id="step-${step}"`);
    expect(html).toContain(`href="http://${slug}.${testDomain}/"`);
    // The worker has not measured the new agency yet.
    expect(html).toContain('<p class="muted" id="ops-usage">Chưa có số liệu đo</p>');
    // Finished: nothing left to follow, so no script and no stream address.
    expect(html).not.toContain('<script');
    expect(html).not.toContain('data-progress');

    const list = await (await owner.go('/ops')).text();
    expectAccessiblePage(list, 'vi');
    const row = new RegExp(`<a href="/ops/tenants/${slug}">UBND tỉnh ${slug}</a>[\\s\\S]*?</tr>`).exec(list);
    expect(row?.[0]).toContain('<td><span class="muted">Chưa có số liệu đo</span></td>');
    const portal = await t.request('/api/tenant', { host: `${slug}.${testDomain}` });
    expect(await readJson(portal)).toMatchObject({ slug, status: 'active' });
    await t.deliverMail(slug);
    const mail = await t.mail.waitFor(`quantri@${slug}.gov.vn`);
    expect(mail.text).toContain(`://${slug}.${testDomain}/accept-invitation`);
    // The platform audit names the operator who asked, not the bootstrap token.
    const [audit] = await t.deps.database.sql<{ actor: string }[]>`
      select actor from platform.audit where action = 'tenant.provisioning_started'
        and details->>'slug' = ${slug}`;
    expect(audit?.actor).toMatch(/^operator:opr_/);
  });

  it('shows a running run with its live-progress script and a refresh link', async () => {
    const slug = testSlug('run');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    t.deps.provisioning.hooks = {
      beforeStep: async (step, target) => {
        if (target === slug && step === 'seed') await held;
      },
    };
    expect((await owner.post('/ops/tenants', fields(slug))).status).toBe(303);
    const html = await (await owner.go(`/ops/tenants/${slug}?lang=en`)).text();
    expectAccessiblePage(html, 'en');
    expect(html).toContain(`data-progress="/ops/tenants/${slug}/progress?lang=en"`);
    expect(html).toContain('<script src="/ops/progress.js" defer=""></script>');
    expect(html).toContain('Refresh the page for the latest progress');
    expect(html).toContain('id="progress-done" class="banner info" hidden=""');
    release();
    const script = await owner.go('/ops/progress.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("new EventSource(list.getAttribute('data-progress'))");
  });

  it('shows a failed step with its error, and retry finishes the run', async () => {
    const slug = testSlug('fail');
    let failures = 0;
    t.deps.provisioning.hooks = {
      beforeStep: (step, target) => {
        if (target === slug && step === 'storage' && failures === 0) {
          failures += 1;
          throw new Error('storage is unreachable');
        }
      },
    };
    expect((await owner.post('/ops/tenants?lang=en', fields(slug))).status).toBe(303);
    await t.settle();

    const events = await readEvents(await owner.go(`/ops/tenants/${slug}/progress?lang=en`));
    expect(lastStatuses(events).get('storage')).toBe('failed');
    expect(events.at(-1)).toEqual({
      event: 'failed',
      data: {
        step: 'storage',
        stepLabel: 'Prepare file storage',
        error: 'storage is unreachable',
        message: 'The run stopped with an error',
      },
    });

    const failed = await (await owner.go(`/ops/tenants/${slug}`)).text();
    expectAccessiblePage(failed, 'vi');
    expect(failed).toContain('<strong class="ops-tag ops-tag-failed">Lỗi</strong>');
    expect(failed).toMatch(/id="progress-failed" class="banner warning">/);
    expect(failed).toContain('<span id="progress-error">storage is unreachable</span>');
    expect(failed).toContain('id="ops-retry"');

    const retried = await owner.post(`/ops/tenants/${slug}/retry`, {});
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).toBe(`/ops/tenants/${slug}?notice=retried`);
    await t.settle();
    const after = await (await owner.go(`/ops/tenants/${slug}`)).text();
    expect(after).toContain('<strong class="ops-tag ops-tag-active">Đang hoạt động</strong>');
    expect(after).not.toContain('id="progress-failed"');
    const again = await owner.post(`/ops/tenants/${slug}/retry`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Không có tiến trình lỗi nào để chạy lại');
  });

  it('refuses a bad form with an error summary, and a taken slug with 409', async () => {
    const bad = await owner.post('/ops/tenants?lang=en', {
      name: 'x',
      slug: 'Hue Province',
      kind: 'district',
      adminEmail: 'nobody',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expectAccessiblePage(html, 'en');
    expectErrorSummaryLinks(html, ['name', 'slug', 'kind', 'adminEmail']);
    expect(html).toContain('href="#kind-province"');
    expect(html).toContain('value="hue province"');

    const slug = testSlug('dup');
    expect((await owner.post('/ops/tenants', fields(slug))).status).toBe(303);
    const taken = await owner.post('/ops/tenants', fields(slug));
    expect(taken.status).toBe(409);
    const takenHtml = await taken.text();
    expectErrorSummaryLinks(takenHtml, ['slug']);
    expect(takenHtml).toContain('Mã định danh này đã được dùng');
    const [row] = await t.deps.database.sql<{ n: number }[]>`
      select count(*)::int as n from platform.tenants where slug = ${slug}`;
    expect(row?.n).toBe(1);
  });
});
