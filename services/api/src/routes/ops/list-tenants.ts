import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { listTenants } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { toRunDto, toTenantDto } from './dto.ts';
import { errorResponses, TenantSummary } from './schema.ts';

export const listTenantsRoute = createRoute({
  method: 'get',
  path: '/tenants',
  tags: ['Operators'],
  summary: 'List tenants with status, schema version and latest run',
  responses: {
    200: {
      description: 'Every tenant of the cell.',
      content: { 'application/json': { schema: z.object({ tenants: z.array(TenantSummary) }) } },
    },
    ...errorResponses(401),
  },
});

export const listTenantsHandler: RouteHandler<typeof listTenantsRoute, AppEnv> = async (c) => {
  const rows = await listTenants(c.get('deps').provisioning);
  return c.json(
    {
      tenants: rows.map(({ tenant, latestRun }) => ({
        ...toTenantDto(tenant),
        latestRun: latestRun ? toRunDto(latestRun) : null,
      })),
    },
    200,
  );
};
