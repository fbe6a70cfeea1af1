import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { retryProvisioning } from '@motcua/provisioning';
import { runInBackground } from '../../background.ts';
import type { AppEnv } from '../../context.ts';
import { toRunDto } from './dto.ts';
import { provisioningFor } from './provisioning-context.ts';
import { errorResponses, Run, SlugParam } from './schema.ts';

export const retryProvisioningRoute = createRoute({
  method: 'post',
  path: '/tenants/{slug}/retry',
  tags: ['Operators'],
  summary: 'Resume a failed provisioning or offboarding run from its failed step',
  request: { params: SlugParam },
  responses: {
    202: {
      description: 'The run resumed.',
      content: { 'application/json': { schema: z.object({ run: Run }) } },
    },
    ...errorResponses(400, 401, 404, 409),
  },
});

export const retryProvisioningHandler: RouteHandler<typeof retryProvisioningRoute, AppEnv> = async (c) => {
  const { tenants } = c.get('deps');
  const { slug } = c.req.valid('param');
  const { run, resume } = await retryProvisioning(provisioningFor(c), slug);
  runInBackground(c, 'retry', async () => {
    await resume();
    tenants.invalidate(slug);
  });
  return c.json({ run: toRunDto(run) }, 202);
};
