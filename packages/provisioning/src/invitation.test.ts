import { type TenantSlug, withTenant } from '@motcua/db';
import { platformAudit, provisioningRuns } from '@motcua/db/platform';
import { auditLog, oneTimeTokens, outbox, staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { failOnce, provisionInput, useProvisioningContext } from '../test/fixtures.ts';
import { provisionTenant } from './provision-tenant.ts';
import { resendAdminInvitation } from './resend-admin-invitation.ts';
import { resumeInterruptedRuns } from './resume-interrupted-runs.ts';
import { provisionSteps } from './steps.ts';
import { suspendTenant } from './suspend-tenant.ts';
import { readUndeliverableEmails } from './undeliverable-emails.ts';

const base = useProvisioningContext();
const ctx = { ...base, tenantSiteUrl: (slug: string) => `https://${slug}.motcua.test` };
const { database } = ctx;

async function invitationState(slug: TenantSlug) {
  return withTenant(database, slug, async (db) => ({
    tokens: await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.purpose, 'invitation')),
    emails: await db.select().from(outbox).orderBy(asc(outbox.id)),
    staff: await db.select().from(staffUsers),
  }));
}

/** Leaves the run as a process that died during `step` leaves it: `running`, the step `running`. */
async function crashDuring(slug: TenantSlug, step: string, when: 'before' | 'after') {
  const { run } = await provisionTenant({ ...ctx, hooks: failOnce(step, when) }, provisionInput(slug));
  const index = provisionSteps.indexOf(step as (typeof provisionSteps)[number]);
  await database.platform
    .update(provisioningRuns)
    .set({
      status: 'running',
      error: null,
      finishedAt: null,
      steps: run.steps.map((s, i) =>
        i === index ? { name: s.name, status: 'running', startedAt: s.startedAt } : s,
      ),
    })
    .where(eq(provisioningRuns.id, run.id));
  return run.id;
}

describe('the first admin’s invitation', () => {
  it('is queued by the provisioning run itself, in the unit of work that records the admin', async () => {
    const slug = testSlug('inv');
    const { run, tenant } = await provisionTenant(ctx, provisionInput(slug));
    expect(run.status).toBe('succeeded');
    const { tokens, emails, staff } = await invitationState(slug);
    expect(staff).toMatchObject([{ email: tenant.adminEmail, status: 'invited', role: 'admin' }]);
    expect(tokens).toHaveLength(1);
    expect(emails.map((e) => e.payload)).toEqual([
      {
        template: 'staff.invitation',
        to: tenant.adminEmail,
        data: expect.objectContaining({ siteUrl: `https://${slug}.motcua.test`, tokenId: tokens[0]?.id }),
      },
    ]);
  });

  // A crash before any step, or at the invitation itself (its work committed or not): the run
  // resumed at the next start invites the admin once.
  const crashes = provisionSteps
    .slice(0, provisionSteps.indexOf('invite_admin') + 1)
    .filter((step) => step !== 'reserve')
    .flatMap((step) => (['before', 'after'] as const).map((when) => ({ step, when })));
  it.each(crashes)(
    'is queued exactly once when the run crashed $when the work of $step and resumed',
    async ({ step, when }) => {
      const slug = testSlug('cr');
      const runId = await crashDuring(slug, step, when);
      const resumed = await resumeInterruptedRuns(ctx);
      expect(resumed.find((r) => r.id === runId)).toMatchObject({ status: 'succeeded' });
      const { tokens, emails } = await invitationState(slug);
      expect(tokens).toHaveLength(1);
      expect(emails).toHaveLength(1);
    },
  );
});

describe('resendAdminInvitation', () => {
  it('replaces the link, audits it in the agency and the platform, and refuses once accepted', async () => {
    const slug = testSlug('rs');
    const { tenant } = await provisionTenant(ctx, provisionInput(slug));
    const before = await invitationState(slug);
    await resendAdminInvitation({ ...ctx, requestId: 'req_resend' }, slug, 'operator:opr_9');
    const after = await invitationState(slug);
    expect(after.tokens).toHaveLength(1);
    expect(after.tokens[0]?.id).not.toBe(before.tokens[0]?.id);
    expect(after.emails).toHaveLength(2);
    const tenantAudit = await withTenant(database, slug, (db) =>
      db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'staff.invitation_sent'))
        .orderBy(asc(auditLog.id)),
    );
    expect(tenantAudit.map((r) => r.actor)).toEqual(['platform:provisioning', 'operator:opr_9']);
    const [platformRow] = await database.platform
      .select()
      .from(platformAudit)
      .where(
        sql`${platformAudit.tenantId} = ${tenant.id} and ${platformAudit.action} = 'tenant.admin_invitation_sent'`,
      );
    expect(platformRow).toMatchObject({ actor: 'operator:opr_9', requestId: 'req_resend' });

    await withTenant(database, slug, (db) => db.update(staffUsers).set({ status: 'active' }));
    await expect(resendAdminInvitation(ctx, slug, 'operator:opr_9')).rejects.toMatchObject({
      code: 'not_invited',
    });
  });

  it('refuses an agency that is not live, and one that does not exist', async () => {
    const slug = testSlug('nl');
    await crashDuring(slug, 'seed', 'before');
    await expect(resendAdminInvitation(ctx, slug, 'operator:opr_9')).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await resumeInterruptedRuns(ctx);
    await expect(resendAdminInvitation(ctx, testSlug('none'), 'operator:opr_9')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('readUndeliverableEmails', () => {
  it('counts the agency’s emails given up by reason, lists the latest without addresses, and nothing of another agency', async () => {
    const a = testSlug('ua');
    const b = testSlug('ub');
    await provisionTenant(ctx, provisionInput(a));
    await provisionTenant(ctx, provisionInput(b));
    const giveUp = (slug: TenantSlug, reason: string, error: string) =>
      withTenant(database, slug, (db) =>
        db.insert(outbox).values({
          kind: 'email',
          dedupeKey: `test:${reason}:${Math.random()}`,
          payload: { template: 'dossier.received', to: 'citizen@example.vn' },
          attempts: 1,
          lastError: error,
          givenUpAt: new Date(),
          givenUpReason: reason as 'rejected',
        }),
      );
    await giveUp(a, 'rejected', 'Error:EENVELOPE:550');
    await giveUp(a, 'rejected', 'Error:EENVELOPE:553');
    await giveUp(a, 'expired', 'Error:ECONNECTION');
    await giveUp(a, 'superseded', 'n/a');
    await giveUp(b, 'rejected', 'Error:EENVELOPE:550');

    const view = await readUndeliverableEmails(ctx, a);
    expect(view.counts).toEqual({ rejected: 2, expired: 1 });
    expect(view.latest.map((e) => [e.template, e.reason, e.smtpCode])).toEqual([
      ['dossier.received', 'expired', null],
      ['dossier.received', 'rejected', 553],
      ['dossier.received', 'rejected', 550],
    ]);
    expect(JSON.stringify(view)).not.toContain('@');
    expect((await readUndeliverableEmails(ctx, b)).counts).toEqual({ rejected: 1, expired: 0 });

    await suspendTenant(ctx, a, 'operator:opr_9');
    expect((await readUndeliverableEmails(ctx, a)).counts.rejected).toBe(2);
  });
});
