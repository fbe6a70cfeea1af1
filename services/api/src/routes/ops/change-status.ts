import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { resumeTenant, suspendTenant } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { toTenantDto } from './dto.ts';
import { errorResponses, SlugParam, Tenant } from './schema.ts';

const statusRoute = (action: 'suspend' | 'resume', summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/tenants/{slug}/${action}`,
    tags: ['Operators'],
    summary,
    description,
    request: { params: SlugParam },
    responses: {
      200: {
        description: 'The tenant after the change.',
        content: { 'application/json': { schema: z.object({ tenant: Tenant }) } },
      },
      ...errorResponses(400, 401, 404, 409),
    },
  });

export const suspendTenantRoute = statusRoute(
  'suspend',
  'Suspend a tenant',
  'Staff and new submissions are refused with a suspension notice; citizens can still open the portal front page and track existing dossiers. Data is kept.',
);
export const resumeTenantRoute = statusRoute('resume', 'Resume a suspended tenant', 'Restores full service.');

export const suspendTenantHandler: RouteHandler<typeof suspendTenantRoute, AppEnv> = async (c) => {
  const { provisioning, tenants } = c.get('deps');
  const { slug } = c.req.valid('param');
  const tenant = await suspendTenant(provisioning, slug, 'ops-token');
  tenants.invalidate(slug);
  return c.json({ tenant: toTenantDto(tenant) }, 200);
};

export const resumeTenantHandler: RouteHandler<typeof resumeTenantRoute, AppEnv> = async (c) => {
  const { provisioning, tenants } = c.get('deps');
  const { slug } = c.req.valid('param');
  const tenant = await resumeTenant(provisioning, slug, 'ops-token');
  tenants.invalidate(slug);
  return c.json({ tenant: toTenantDto(tenant) }, 200);
};
