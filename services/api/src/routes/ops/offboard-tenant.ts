import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { runOffboarding, startOffboarding } from '@motcua/provisioning';
import { runInBackground } from '../../background.ts';
import type { AppEnv } from '../../context.ts';
import { toRunDto, toTenantDto } from './dto.ts';
import { errorResponses, Run, SlugParam, Tenant } from './schema.ts';

export const offboardTenantRoute = createRoute({
  method: 'delete',
  path: '/tenants/{slug}',
  tags: ['Operators'],
  summary: 'Offboard a tenant: export everything, then delete it',
  description:
    'Writes a complete export (every row of the tenant schema and every stored object, as a .tar.gz) before dropping the schema, the roles and the objects. Download it from `GET /api/ops/tenants/{slug}/export`.',
  request: { params: SlugParam },
  responses: {
    202: {
      description: 'Offboarding started.',
      content: { 'application/json': { schema: z.object({ tenant: Tenant, run: Run }) } },
    },
    ...errorResponses(400, 401, 404, 409),
  },
});

export const offboardTenantHandler: RouteHandler<typeof offboardTenantRoute, AppEnv> = async (c) => {
  const { provisioning, tenants } = c.get('deps');
  const { slug } = c.req.valid('param');
  const { tenant, run } = await startOffboarding(provisioning, slug, 'ops-token');
  tenants.invalidate(slug);
  runInBackground(c, 'offboarding', async () => {
    await runOffboarding(provisioning, run.id);
    tenants.invalidate(slug);
  });
  return c.json({ tenant: toTenantDto(tenant), run: toRunDto(run) }, 202);
};
