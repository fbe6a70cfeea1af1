import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { cookieName, supportStaffView, validateOperatorSession, withSupportAccess } from '@motcua/auth';
import { ForbiddenError, NotFoundError } from '@motcua/domain';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../context.ts';
import { errorResponses, SlugParam } from './schema.ts';

export const supportStaffRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}/support/staff',
  tags: ['Operators'],
  summary: 'Support access: the agency’s staff list (needs an active grant from the agency)',
  description:
    'Only for a signed-in operator with support access and an unexpired, unrevoked grant from the agency’s admin; every access is written to the agency’s audit log. The bootstrap token has no identity and is refused.',
  request: { params: SlugParam },
  responses: {
    200: {
      description: 'Staff, without secrets.',
      content: {
        'application/json': {
          schema: z.object({
            staff: z.array(
              z.object({
                id: z.string(),
                email: z.string(),
                fullName: z.string(),
                role: z.string(),
                status: z.string(),
              }),
            ),
          }),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

export const supportStaffHandler: RouteHandler<typeof supportStaffRoute, AppEnv> = async (c) => {
  const { database, tenants } = c.get('deps');
  const validation = await validateOperatorSession(
    database,
    getCookie(c, cookieName('operator', c.env.secure === true)),
  );
  if (!validation?.session.twoFactorVerified) {
    throw new ForbiddenError('Support access needs a signed-in operator, not the bootstrap token.');
  }
  const tenant = await tenants.bySlug(c.req.valid('param').slug);
  if (!tenant || (tenant.status !== 'active' && tenant.status !== 'suspended'))
    throw new NotFoundError('No such tenant.');
  const staff = await withSupportAccess(
    {
      database,
      slug: tenant.slug,
      operator: { id: validation.operator.id, role: validation.operator.role },
      requestId: c.get('requestId'),
      ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
    },
    'staff list',
    supportStaffView,
  );
  return c.json({ staff }, 200);
};
