import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { listTenants, readUsage } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { toRunDto, toTenantDto, toUsageDto } from './dto.ts';
import { errorResponses, TenantSummary } from './schema.ts';

export const listTenantsRoute = createRoute({
  method: 'get',
  path: '/tenants',
  tags: ['Operators'],
  summary: 'List tenants with status, schema version, latest run and usage',
  responses: {
    200: {
      description: 'Every tenant of the cell.',
      content: { 'application/json': { schema: z.object({ tenants: z.array(TenantSummary) }) } },
    },
    ...errorResponses(401),
  },
});

export const listTenantsHandler: RouteHandler<typeof listTenantsRoute, AppEnv> = async (c) => {
  const { provisioning } = c.get('deps');
  const rows = await listTenants(provisioning);
  const usage = await readUsage(
    provisioning,
    rows.map(({ tenant }) => tenant.id),
  );
  return c.json(
    {
      tenants: rows.map(({ tenant, latestRun }) => ({
        ...toTenantDto(tenant),
        latestRun: latestRun ? toRunDto(latestRun) : null,
        usage: toUsageDto(usage.get(tenant.id)),
      })),
    },
    200,
  );
};
