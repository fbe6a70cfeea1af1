import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';

export const TenantProfile = z
  .object({
    slug: z.string().openapi({ example: 'da-nang' }),
    name: z.string().openapi({ example: 'UBND thành phố Đà Nẵng' }),
    kind: z.enum(['ministry', 'province']),
    status: z.enum(['active', 'suspended']),
  })
  .openapi('TenantProfile');

export const getTenantProfileRoute = createRoute({
  method: 'get',
  path: '/api/tenant',
  tags: ['Portal'],
  summary: 'The agency this host serves',
  description: 'Answers while the tenant is suspended too, so that portals can show the notice.',
  responses: {
    200: { description: 'The agency.', content: { 'application/json': { schema: TenantProfile } } },
  },
});

export const getTenantProfile: RouteHandler<typeof getTenantProfileRoute, AppEnv> = (c) => {
  const { slug, name, kind, status } = c.get('tenant');
  return c.json({ slug, name, kind, status: status === 'suspended' ? 'suspended' : 'active' } as const, 200);
};
