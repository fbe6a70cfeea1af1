import { type TenantSlug, withTenant } from '@motcua/db';
import { outbox, staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing.ts';
import { expectAccessiblePage, type OpsBrowser, signedInOperator } from './test-support.ts';

const t = useTestApp();
let owner: OpsBrowser;
let support: OpsBrowser;

beforeAll(async () => {
  owner = await signedInOperator(t, 'owner');
  support = await signedInOperator(t, 'support');
});

async function agency(): Promise<TenantSlug> {
  const slug = testSlug('em') as TenantSlug;
  const { run } = await provisionTenant(t.deps.provisioning, {
    slug,
    name: `UBND ${slug}`,
    kind: 'province',
    adminEmail: `quantri@${slug}.gov.vn`,
    actor: 'email-test',
  });
  expect(run.status).toBe('succeeded');
  return slug;
}

describe('an agency’s email on its page', () => {
  it('offers a new invitation while the first admin has not accepted, and sends it', async () => {
    const slug = await agency();
    const adminEmail = `quantri@${slug}.gov.vn`;
    await t.deliverMail(slug);
    const first = await t.mail.waitFor(adminEmail);

    const page = await (await owner.go(`/ops/tenants/${slug}`)).text();
    expectAccessiblePage(page, 'vi');
    expect(page).toContain('id="ops-resend-invitation"');
    // Support operators read agencies; they do not act on them.
    const readOnly = await (await support.go(`/ops/tenants/${slug}`)).text();
    expect(readOnly).not.toContain('id="ops-resend-invitation"');
    expect((await support.post(`/ops/tenants/${slug}/invitation`, {})).status).toBe(403);

    const sent = await owner.post(`/ops/tenants/${slug}/invitation?lang=en`, {});
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/ops/tenants/${slug}?notice=invited&lang=en`);
    const notice = await (await owner.go(`/ops/tenants/${slug}?notice=invited&lang=en`)).text();
    expect(notice).toContain('A new invitation is on its way to the first administrator');
    await t.deliverMail(slug);
    const second = await t.mail.waitFor(adminEmail);
    expect(second.text).not.toBe(first.text);

    // Accepted: the offer goes, and a stale form is answered on the page.
    await withTenant(t.deps.database, slug, (db) => db.update(staffUsers).set({ status: 'active' }));
    expect(await (await owner.go(`/ops/tenants/${slug}`)).text()).not.toContain('id="ops-resend-invitation"');
    const late = await owner.post(`/ops/tenants/${slug}/invitation`, {});
    expect(late.status).toBe(409);
    const lateHtml = await late.text();
    expectAccessiblePage(lateHtml, 'vi');
    expect(lateHtml).toContain('Quản trị viên đầu tiên đã nhận lời mời');
  });

  it('lists the emails given up, by reason, for every operator role, without addresses', async () => {
    const slug = await agency();
    const quiet = await (await support.go(`/ops/tenants/${slug}?lang=en`)).text();
    expect(quiet).toContain('No email has been given up.');
    await withTenant(t.deps.database, slug, (db) =>
      db.insert(outbox).values([
        {
          kind: 'email',
          dedupeKey: 'rejected-1',
          payload: { template: 'dossier.refused', to: 'gone@example.vn' },
          lastError: 'Error:EENVELOPE:550',
          givenUpAt: new Date(),
          givenUpReason: 'rejected',
        },
        {
          kind: 'email',
          dedupeKey: 'expired-1',
          payload: { template: 'dossier.received', to: 'far@example.vn' },
          lastError: 'Error:ECONNECTION',
          givenUpAt: new Date(),
          givenUpReason: 'expired',
        },
      ]),
    );
    const page = await (await support.go(`/ops/tenants/${slug}?lang=en`)).text();
    expectAccessiblePage(page, 'en');
    expect(page).toContain('Emails that could not be delivered');
    expect(page).toMatch(/<dt>Refused<\/dt>\s*<dd>1<\/dd>\s*<dt>Gave up after retries<\/dt>\s*<dd>1<\/dd>/);
    expect(page).toContain('<code>dossier.refused</code>');
    expect(page).toContain('<td>550</td>');
    expect(page).not.toContain('gone@example.vn');
    expect(page).not.toContain('far@example.vn');
  });
});
