import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { getTenant } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { toRunDto, toTenantDto } from './dto.ts';
import { errorResponses, SlugParam, TenantDetail } from './schema.ts';

export const getTenantRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}',
  tags: ['Operators'],
  summary: 'A tenant with its schema version and provisioning steps',
  request: { params: SlugParam },
  responses: {
    200: { description: 'The tenant.', content: { 'application/json': { schema: TenantDetail } } },
    ...errorResponses(400, 401, 404),
  },
});

export const getTenantHandler: RouteHandler<typeof getTenantRoute, AppEnv> = async (c) => {
  const detail = await getTenant(c.get('deps').provisioning, c.req.valid('param').slug);
  return c.json(
    {
      tenant: toTenantDto(detail.tenant),
      schemaHead: detail.schemaHead,
      runs: detail.runs.map(toRunDto),
      exportAvailable: detail.runs.some((run) => run.exportKey !== null),
    },
    200,
  );
};
