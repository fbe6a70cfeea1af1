/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency list, the onboarding form and an agency's page. Onboarding starts provisioning as
// the operator API does (the run goes on in the background) and leads to the agency's page.

import { ConflictError, ValidationError } from '@motcua/domain';
import {
  getTenant,
  listTenants,
  readUsage,
  runProvisioning,
  startProvisioning,
  type TenantKind,
} from '@motcua/provisioning';
import {
  type FormError,
  type NewTenantValues,
  OpsNewTenantPage,
  type OpsPageBase,
  type OpsStringKey,
  OpsTenantListPage,
  opsText,
} from '@motcua/ui';
import { Hono } from 'hono';
import { runInBackground } from '../../background.ts';
import type { AppEnv } from '../../context.ts';
import { provisioningFor } from '../ops/provisioning-context.ts';
import { actorOf, type Ctx, form, gate, redirectTo } from './session.tsx';
import { parseNotice, renderTenantPage } from './tenant-view.tsx';

/** Rows per page of the agency list: keeps the page well under its 60 KB budget. */
export const tenantsPerPage = 50;

const fieldKeys: Record<string, OpsStringKey> = {
  name: 'errName',
  slug: 'errSlug',
  kind: 'errKind',
  adminEmail: 'errAdminEmail',
};
/** The order the fields appear in, which the error summary follows. */
const fieldOrder = ['name', 'slug', 'kind', 'adminEmail'];

/** The verb's field problems (English) as messages in the page's language. */
function onboardingErrors(base: OpsPageBase, error: unknown): FormError[] {
  if (error instanceof ConflictError)
    return [{ field: 'slug', message: opsText(base.locale, 'errSlugTaken') }];
  if (!(error instanceof ValidationError)) throw error;
  const fields = new Set((error.details ?? []).map((problem) => problem.path));
  const errors = fieldOrder
    .filter((field) => fields.has(field))
    .map((field) => ({ field, message: opsText(base.locale, fieldKeys[field] ?? 'errName') }));
  return errors.length ? errors : [{ message: opsText(base.locale, 'errConflict') }];
}

function startOnboarding(c: Ctx, values: Required<NewTenantValues>, actor: string) {
  const provisioning = provisioningFor(c);
  return startProvisioning(provisioning, {
    slug: values.slug,
    name: values.name,
    // Checked by the verb, which answers an unknown kind with a field error.
    kind: values.kind as TenantKind,
    adminEmail: values.adminEmail,
    actor,
  }).then(({ tenant, run }) => {
    // The run itself queues the first admin's invitation (its invite_admin step).
    runInBackground(c, 'provisioning', () => runProvisioning(provisioning, run.id));
    return tenant;
  });
}

export function opsTenantRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/ops', async (c) => {
    const admitted = await gate(c, 'tenants.read');
    if (admitted.response) return admitted.response;
    const rows = await listTenants(c.get('deps').provisioning);
    const pageCount = Math.max(1, Math.ceil(rows.length / tenantsPerPage));
    const requested = Number.parseInt(c.req.query('page') ?? '1', 10);
    const current = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pageCount) : 1;
    const shown = rows.slice((current - 1) * tenantsPerPage, current * tenantsPerPage);
    // One statement for the page's agencies, whatever their number (the page's time budget).
    const usage = await readUsage(
      c.get('deps').provisioning,
      shown.map(({ tenant }) => tenant.id),
    );
    return c.html(
      <OpsTenantListPage
        {...admitted.base}
        tenants={shown.map(({ tenant }) => ({ ...tenant, usage: usage.get(tenant.id) ?? null }))}
        page={current}
        pageCount={pageCount}
      />,
    );
  });

  // Registered before /ops/tenants/:slug, which would otherwise take "new" for a slug.
  app.get('/ops/tenants/new', async (c) => {
    const admitted = await gate(c, 'tenants.manage');
    if (admitted.response) return admitted.response;
    return c.html(
      <OpsNewTenantPage {...admitted.base} platformDomain={`.${c.get('deps').env.PLATFORM_DOMAIN}`} />,
    );
  });

  app.post('/ops/tenants', async (c) => {
    const admitted = await gate(c, 'tenants.manage');
    if (admitted.response) return admitted.response;
    const fields = await form(c);
    const values = {
      slug: (fields.slug ?? '').trim().toLowerCase(),
      name: (fields.name ?? '').trim(),
      kind: fields.kind ?? '',
      adminEmail: (fields.adminEmail ?? '').trim(),
    };
    try {
      const tenant = await startOnboarding(c, values, actorOf(admitted.operator));
      return redirectTo(c, admitted.base, `/ops/tenants/${tenant.slug}?notice=created`);
    } catch (error) {
      const errors = onboardingErrors(admitted.base, error);
      const status = error instanceof ConflictError ? 409 : 400;
      return c.html(
        <OpsNewTenantPage
          {...admitted.base}
          values={values}
          errors={errors}
          platformDomain={`.${c.get('deps').env.PLATFORM_DOMAIN}`}
        />,
        status,
      );
    }
  });

  app.get('/ops/tenants/:slug', async (c) => {
    const admitted = await gate(c, 'tenants.read');
    if (admitted.response) return admitted.response;
    const slug = c.req.param('slug');
    const details = await getTenant(c.get('deps').provisioning, slug);
    return renderTenantPage(c, {
      ...admitted,
      slug,
      details,
      notice: parseNotice(c.req.query('notice')),
    });
  });
  return app;
}
