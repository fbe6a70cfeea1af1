import { type TenantSlug, withTenant } from '@motcua/db';
import { provisioningRuns } from '@motcua/db/platform';
import { outbox } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionSteps, provisionTenant, resumeInterruptedRuns } from '@motcua/provisioning';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Hoi-An-Lantern-Night-2026';

async function onboard(slug: string) {
  const res = await t.ops('/api/ops/tenants', {
    method: 'POST',
    body: JSON.stringify({
      slug,
      name: `UBND ${slug}`,
      kind: 'province',
      adminEmail: `admin@${slug}.gov.vn`,
    }),
  });
  expect(res.status).toBe(202);
  await t.settle();
}

const tokenIn = (text: string) => /accept-invitation\?token=(\S+)/.exec(text)?.[1] ?? '';

async function accept(slug: string, token: string) {
  return t.request('/api/auth/invitation/accept', {
    host: `${slug}.${testDomain}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
}

describe('a provisioning run that crashed and was resumed', () => {
  // As the API does at start for runs a dead process left `running`.
  const crashes = provisionSteps
    .slice(1, provisionSteps.indexOf('invite_admin') + 1)
    .flatMap((step) => (['before', 'after'] as const).map((when) => ({ step, when })));
  it.each(crashes)(
    'invites the first admin exactly once when it died $when the work of $step',
    async ({ step, when }) => {
      const slug = testSlug('cr');
      const adminEmail = `admin@${slug}.gov.vn`;
      const { provisioning } = t.deps;
      const died = new Error(`the process died ${when} ${step}`);
      const { run } = await provisionTenant(
        {
          ...provisioning,
          hooks: {
            [when === 'before' ? 'beforeStep' : 'afterStep']: (current: string) => {
              if (current === step) throw died;
            },
          },
        },
        { slug, name: `UBND ${slug}`, kind: 'province', adminEmail, actor: 'crash-test' },
      );
      // What the crash leaves behind: the run `running`, its step `running`.
      await t.deps.database.platform
        .update(provisioningRuns)
        .set({
          status: 'running',
          error: null,
          finishedAt: null,
          steps: run.steps.map((s) =>
            s.name === step ? { name: s.name, status: 'running', startedAt: s.startedAt } : s,
          ),
        })
        .where(eq(provisioningRuns.id, run.id));

      await resumeInterruptedRuns(provisioning);
      await t.deliverMail(slug);
      await t.deliverMail(slug);
      const mail = await t.mail.waitFor(adminEmail);
      expect(t.mail.messagesTo(adminEmail)).toHaveLength(1);
      // From configuration (PUBLIC_URL), whatever process resumed the run.
      expect(mail.text).toContain(`http://${slug}.${testDomain}/accept-invitation?token=`);
      expect((await accept(slug, tokenIn(mail.text))).status).toBe(200);
    },
  );
});

describe('resending the first admin’s invitation', () => {
  it('mails a new link that works, kills the old one, and is refused once the admin has accepted', async () => {
    const slug = testSlug('rs');
    await onboard(slug);
    const adminEmail = `admin@${slug}.gov.vn`;
    await t.deliverMail(slug);
    const first = await t.mail.waitFor(adminEmail);

    const resent = await t.ops(`/api/ops/tenants/${slug}/invitation`, { method: 'POST' });
    expect(resent.status).toBe(202);
    expect(await readJson(resent)).toEqual({ staffId: expect.stringMatching(/^usr_/) });
    await t.deliverMail(slug);
    const second = await t.mail.waitFor(adminEmail);
    expect(tokenIn(second.text)).not.toBe(tokenIn(first.text));

    const stale = await accept(slug, tokenIn(first.text));
    expect(stale.status).toBe(400);
    expect((await readJson(stale)).error.code).toBe('invalid_or_expired_invitation');
    expect((await accept(slug, tokenIn(second.text))).status).toBe(200);

    const again = await t.ops(`/api/ops/tenants/${slug}/invitation`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('not_invited');
    const [audit] = await t.deps.database.sql<{ actor: string }[]>`
      select actor from platform.audit where action = 'tenant.admin_invitation_sent'
        and details->>'slug' = ${slug}`;
    expect(audit?.actor).toBe('ops-token');
  });

  it('answers 404 for an unknown agency and 400 for a hostile slug', async () => {
    expect((await t.ops(`/api/ops/tenants/${testSlug('no')}/invitation`, { method: 'POST' })).status).toBe(
      404,
    );
    expect((await t.ops('/api/ops/tenants/..%2Fx/invitation', { method: 'POST' })).status).toBe(400);
  });
});

describe('undeliverable emails', () => {
  async function refuse(slug: TenantSlug, to: string) {
    // A mailbox the agency's SMTP server refuses for good.
    await withTenant(t.deps.database, slug, (db) =>
      db.insert(outbox).values({
        kind: 'email',
        dedupeKey: `refused:${to}`,
        payload: { template: 'dossier.received', to },
        attempts: 1,
        lastError: 'Error:EENVELOPE:550',
        givenUpAt: new Date(),
        givenUpReason: 'rejected',
      }),
    );
  }

  it('are counted with their reasons for operators, without addresses, and only the agency’s own', async () => {
    const a = testSlug('ua') as TenantSlug;
    const b = testSlug('ub') as TenantSlug;
    await onboard(a);
    await onboard(b);
    await refuse(a, `gone@${a}.example.vn`);
    const res = await t.ops(`/api/ops/tenants/${a}/undeliverable-emails`);
    expect(res.status).toBe(200);
    const view = await readJson(res);
    expect(view.counts).toEqual({ rejected: 1, expired: 0 });
    expect(view.latest).toEqual([
      expect.objectContaining({ template: 'dossier.received', reason: 'rejected', smtpCode: 550 }),
    ]);
    expect(JSON.stringify(view)).not.toContain('@');
    const other = await readJson(await t.ops(`/api/ops/tenants/${b}/undeliverable-emails`));
    expect(other).toEqual({ counts: { rejected: 0, expired: 0 }, latest: [] });
  });
});
