import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { runProvisioning, startProvisioning } from '@motcua/provisioning';
import { runInBackground } from '../../background.ts';
import type { AppEnv } from '../../context.ts';
import { toRunDto, toTenantDto } from './dto.ts';
import { provisioningFor } from './provisioning-context.ts';
import { Accepted, CreateTenantBody, errorResponses } from './schema.ts';

export const createTenantRoute = createRoute({
  method: 'post',
  path: '/tenants',
  tags: ['Operators'],
  summary: 'Onboard an agency',
  description:
    'Reserves the slug and starts provisioning in the background: schema and role, migrations, seed, storage, infrastructure, the first admin invitation, activation. Poll `GET /api/ops/tenants/{slug}` for the steps.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateTenantBody } } } },
  responses: {
    202: { description: 'Provisioning started.', content: { 'application/json': { schema: Accepted } } },
    ...errorResponses(400, 401, 409),
  },
});

export const createTenant: RouteHandler<typeof createTenantRoute, AppEnv> = async (c) => {
  const provisioning = provisioningFor(c);
  const input = c.req.valid('json');
  const { tenant, run } = await startProvisioning(provisioning, { ...input, actor: 'ops-token' });
  // The run itself queues the first admin's invitation (its invite_admin step).
  runInBackground(c, 'provisioning', () => runProvisioning(provisioning, run.id));
  c.header('Location', `/api/ops/tenants/${tenant.slug}`);
  return c.json({ tenant: toTenantDto(tenant), run: toRunDto(run) }, 202);
};
