import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { maxSuspensionReason, resumeTenant, suspendTenant } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { toTenantDto } from './dto.ts';
import { errorResponses, SlugParam, Tenant } from './schema.ts';

const SuspendBody = z.object({
  reason: z.string().max(maxSuspensionReason).optional().openapi({
    example: 'Rental contract unpaid for 60 days',
    description: 'Kept on the tenant and in the audit.',
  }),
});

const responses = {
  200: {
    description: 'The tenant after the change.',
    content: { 'application/json': { schema: z.object({ tenant: Tenant }) } },
  },
  ...errorResponses(400, 401, 404, 409),
};

export const suspendTenantRoute = createRoute({
  method: 'post',
  path: '/tenants/{slug}/suspend',
  tags: ['Operators'],
  summary: 'Suspend a tenant',
  description:
    'Staff and new submissions are refused with a suspension notice; citizens can still open the portal front page and track existing dossiers. Data is kept. The optional reason is kept on the tenant and in the audit.',
  request: {
    params: SlugParam,
    body: { required: false, content: { 'application/json': { schema: SuspendBody } } },
  },
  responses,
});

export const resumeTenantRoute = createRoute({
  method: 'post',
  path: '/tenants/{slug}/resume',
  tags: ['Operators'],
  summary: 'Resume a suspended tenant',
  description: 'Restores full service.',
  request: { params: SlugParam },
  responses,
});

export const suspendTenantHandler: RouteHandler<typeof suspendTenantRoute, AppEnv> = async (c) => {
  const { provisioning, tenants } = c.get('deps');
  const { slug } = c.req.valid('param');
  // The body is optional: without one (or without a JSON content type) there is no reason.
  const body = c.req.header('content-type')?.includes('application/json') ? c.req.valid('json') : undefined;
  const tenant = await suspendTenant(provisioning, slug, 'ops-token', body?.reason);
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
