import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { resendAdminInvitation } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { provisioningFor } from './provisioning-context.ts';
import { errorResponses, SlugParam } from './schema.ts';

export const resendAdminInvitationRoute = createRoute({
  method: 'post',
  path: '/tenants/{slug}/invitation',
  tags: ['Operators'],
  summary: 'Send the agency’s first admin a new invitation',
  description:
    'For a lost email or an expired link: a new link is emailed (through the outbox) to the admin address the agency was created with; the earlier link stops working. Recorded in the agency’s and the platform’s audit. 409 `not_invited` once the admin has accepted, `tenant_not_live` before provisioning has finished.',
  request: { params: SlugParam },
  responses: {
    202: {
      description: 'The invitation is queued.',
      content: { 'application/json': { schema: z.object({ staffId: z.string() }) } },
    },
    ...errorResponses(400, 401, 404, 409),
  },
});

export const resendAdminInvitationHandler: RouteHandler<typeof resendAdminInvitationRoute, AppEnv> = async (
  c,
) => {
  const ctx = { ...provisioningFor(c), requestId: c.get('requestId') };
  return c.json(await resendAdminInvitation(ctx, c.req.valid('param').slug, 'ops-token'), 202);
};
