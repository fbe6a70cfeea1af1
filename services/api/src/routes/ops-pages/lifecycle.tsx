/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// An agency's lifecycle from its page: suspend, resume, retry a failed run, and offboard after
// a confirmation page on which the operator types the slug. Each action answers 303 back to
// the agency's page with a notice, or that page with the reason it could not be done.

import { ConflictError, PreconditionFailedError, ValidationError } from '@motcua/domain';
import {
  getTenant,
  resendAdminInvitation,
  resumeTenant,
  retryProvisioning,
  runOffboarding,
  startOffboarding,
  suspendTenant,
} from '@motcua/provisioning';
import { OpsOffboardPage, type OpsStringKey, opsText } from '@motcua/ui';
import { Hono } from 'hono';
import { runInBackground } from '../../background.ts';
import type { AppEnv } from '../../context.ts';
import { provisioningFor } from '../ops/provisioning-context.ts';
import { actorOf, type Ctx, form, gate, redirectTo } from './session.tsx';
import { exportUrl, renderTenantPage } from './tenant-view.tsx';

type Admitted = Exclude<Awaited<ReturnType<typeof gate>>, { response: Response | Promise<Response> }>;

/**
 * Runs `act`; a refusal because of the agency's current state shows the agency's page with
 * `message`, anything else (unknown agency, a bad slug) goes on to onError.
 */
async function attempt(
  c: Ctx,
  admitted: Admitted,
  slug: string,
  message: OpsStringKey,
  act: () => Promise<string>,
  /** What the operator typed, shown again when the form comes back. */
  typed?: string,
) {
  try {
    const notice = await act();
    return redirectTo(c, admitted.base, `/ops/tenants/${slug}?notice=${notice}`);
  } catch (error) {
    if (error instanceof ValidationError && error.details?.length) {
      // The only field these forms send is the suspension's reason.
      const errors = [{ field: 'reason', message: opsText(admitted.base.locale, 'errReasonTooLong') }];
      return renderTenantPage(c, {
        ...admitted,
        slug,
        errors,
        status: 400,
        ...(typed ? { reason: typed } : {}),
      });
    }
    if (!(error instanceof ConflictError || error instanceof PreconditionFailedError)) throw error;
    const errors = [{ message: opsText(admitted.base.locale, message) }];
    return renderTenantPage(c, { ...admitted, slug, errors, status: 409 });
  }
}

export function opsLifecycleRoutes() {
  const app = new Hono<AppEnv>();

  for (const action of ['suspend', 'resume'] as const) {
    app.post(`/ops/tenants/:slug/${action}`, async (c) => {
      const admitted = await gate(c, 'tenants.manage');
      if (admitted.response) return admitted.response;
      const slug = c.req.param('slug');
      const { provisioning, tenants } = c.get('deps');
      const { reason } = action === 'suspend' ? await form(c) : {};
      return attempt(
        c,
        admitted,
        slug,
        'errConflict',
        async () => {
          if (action === 'suspend')
            await suspendTenant(provisioning, slug, actorOf(admitted.operator), reason);
          else await resumeTenant(provisioning, slug, actorOf(admitted.operator));
          tenants.invalidate(slug);
          return action === 'suspend' ? 'suspended' : 'resumed';
        },
        reason,
      );
    });
  }

  app.post('/ops/tenants/:slug/retry', async (c) => {
    const admitted = await gate(c, 'tenants.manage');
    if (admitted.response) return admitted.response;
    const slug = c.req.param('slug');
    const { tenants } = c.get('deps');
    return attempt(c, admitted, slug, 'errNothingToRetry', async () => {
      const { resume } = await retryProvisioning(provisioningFor(c), slug);
      runInBackground(c, 'retry', async () => {
        await resume();
        tenants.invalidate(slug);
      });
      return 'retried';
    });
  });

  // A new invitation for the agency's first admin (lost email, expired link); the old link dies.
  app.post('/ops/tenants/:slug/invitation', async (c) => {
    const admitted = await gate(c, 'tenants.manage');
    if (admitted.response) return admitted.response;
    const slug = c.req.param('slug');
    return attempt(c, admitted, slug, 'errNotInvited', async () => {
      await resendAdminInvitation(
        { ...provisioningFor(c), requestId: c.get('requestId') },
        slug,
        actorOf(admitted.operator),
      );
      return 'invited';
    });
  });

  app.get('/ops/tenants/:slug/offboard', async (c) => {
    const admitted = await gate(c, 'tenants.manage');
    if (admitted.response) return admitted.response;
    const { tenant, runs } = await getTenant(c.get('deps').provisioning, c.req.param('slug'));
    if (tenant.status !== 'active' && tenant.status !== 'suspended') {
      return redirectTo(c, admitted.base, `/ops/tenants/${tenant.slug}`);
    }
    const archive = runs.some((run) => run.exportKey !== null) ? exportUrl(tenant.slug) : undefined;
    return c.html(<OpsOffboardPage {...admitted.base} tenant={tenant} exportUrl={archive} />);
  });

  app.post('/ops/tenants/:slug/offboard', async (c) => {
    const admitted = await gate(c, 'tenants.manage');
    if (admitted.response) return admitted.response;
    const { provisioning, tenants } = c.get('deps');
    const { tenant, runs } = await getTenant(provisioning, c.req.param('slug'));
    const { slug } = tenant;
    const typed = ((await form(c)).confirm ?? '').trim();
    if (typed !== slug) {
      const archive = runs.some((run) => run.exportKey !== null) ? exportUrl(slug) : undefined;
      const errors = [{ field: 'confirm', message: opsText(admitted.base.locale, 'errConfirm') }];
      return c.html(
        <OpsOffboardPage
          {...admitted.base}
          tenant={tenant}
          exportUrl={archive}
          typed={typed}
          errors={errors}
        />,
        400,
      );
    }
    return attempt(c, admitted, slug, 'errConflict', async () => {
      const { run } = await startOffboarding(provisioning, slug, actorOf(admitted.operator));
      tenants.invalidate(slug);
      runInBackground(c, 'offboarding', async () => {
        await runOffboarding(provisioning, run.id);
        tenants.invalidate(slug);
      });
      return 'offboarding';
    });
  });
  return app;
}
