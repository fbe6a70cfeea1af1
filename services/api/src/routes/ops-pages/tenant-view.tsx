/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency page as every route renders it: after a GET, after an action with a notice, or
// with an error summary when an action was refused by the tenant's current state.
import { can, type OperatorPrincipal } from '@motcua/auth';
import {
  getTenant,
  isAdminInvitationPending,
  type ProvisioningRun,
  readUndeliverableEmails,
  readUsage,
  type TenantDetails,
} from '@motcua/provisioning';
import {
  type FormError,
  type OpsPageBase,
  OpsTenantPage,
  type RunView,
  type TenantNotice,
  tenantNotices,
} from '@motcua/ui';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { tenantOrigin } from '../../site-links.ts';
import type { Ctx } from './session.tsx';

/** The agency's portal on its own host, built from configuration, never from Host. */
export function portalUrl(c: Ctx, slug: string): string {
  return `${tenantOrigin(c.get('deps').env, slug)}/`;
}

/** The operator API serves the archive; the session cookie is accepted there too. */
export const exportUrl = (slug: string) => `/api/ops/tenants/${slug}/export`;

export function toRunView(run: ProvisioningRun): RunView {
  return {
    kind: run.kind,
    status: run.status,
    attempts: run.attempts,
    steps: run.steps.map((step) => ({ name: step.name, status: step.status, error: step.error })),
  };
}

export function parseNotice(value: string | undefined): TenantNotice | undefined {
  return tenantNotices.find((notice) => notice === value);
}

export async function renderTenantPage(
  c: Ctx,
  view: {
    base: OpsPageBase;
    operator: OperatorPrincipal;
    slug: string;
    notice?: TenantNotice | undefined;
    errors?: FormError[];
    status?: ContentfulStatusCode;
    details?: TenantDetails;
    /** The suspension reason typed, when its form comes back with an error. */
    reason?: string;
  },
) {
  const details = view.details ?? (await getTenant(c.get('deps').provisioning, view.slug));
  const { tenant, runs, schemaHead } = details;
  const latest = runs[0];
  const canManage = can(view.operator.role, 'tenants.manage');
  // An offboarding run exports before it removes anything: its export is offered in the banner
  // the live script reveals when the run succeeds (hidden until then).
  const offboarding = latest?.kind === 'offboard' && latest.status !== 'failed';
  const hasExport = offboarding || runs.some((run) => run.exportKey !== null);
  const { provisioning } = c.get('deps');
  const usage = await readUsage(provisioning, [tenant.id]);
  const live = tenant.status === 'active' || tenant.status === 'suspended';
  const undeliverable = live ? await readUndeliverableEmails(provisioning, tenant.slug, { limit: 10 }) : null;
  const adminInvitationPending =
    canManage && live && (await isAdminInvitationPending(provisioning, tenant.slug));
  return c.html(
    <OpsTenantPage
      {...view.base}
      errors={view.errors ?? []}
      tenant={tenant}
      schemaHead={schemaHead}
      run={latest ? toRunView(latest) : null}
      portalUrl={portalUrl(c, tenant.slug)}
      exportUrl={canManage && hasExport ? exportUrl(tenant.slug) : undefined}
      canManage={canManage}
      notice={view.notice}
      usage={usage.get(tenant.id) ?? null}
      reason={view.reason}
      undeliverable={undeliverable}
      adminInvitationPending={adminInvitationPending}
    />,
    view.status ?? 200,
  );
}
