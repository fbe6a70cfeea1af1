import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { getTenant, readUsage } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { toRunDto, toTenantDto, toUsageDto } from './dto.ts';
import { errorResponses, SlugParam, TenantDetail } from './schema.ts';

export const getTenantRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}',
  tags: ['Operators'],
  summary: 'A tenant with its schema version, provisioning steps and usage',
  request: { params: SlugParam },
  responses: {
    200: { description: 'The tenant.', content: { 'application/json': { schema: TenantDetail } } },
    ...errorResponses(400, 401, 404),
  },
});

export const getTenantHandler: RouteHandler<typeof getTenantRoute, AppEnv> = async (c) => {
  const { provisioning } = c.get('deps');
  const detail = await getTenant(provisioning, c.req.valid('param').slug);
  const usage = await readUsage(provisioning, [detail.tenant.id]);
  return c.json(
    {
      tenant: toTenantDto(detail.tenant),
      schemaHead: detail.schemaHead,
      runs: detail.runs.map(toRunDto),
      exportAvailable: detail.runs.some((run) => run.exportKey !== null),
      usage: toUsageDto(usage.get(detail.tenant.id)),
    },
    200,
  );
};
