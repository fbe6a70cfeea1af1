// Online payment of a dossier's fee: the citizen starts it; the provider's signed notification
// settles it. Coming back from the provider's page changes nothing.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { settleOnlinePayment, startOnlinePayment } from '@motcua/engine';
import type { AppEnv } from '../../context.ts';
import { tenantSiteOrigin } from '../../tenant-mail.ts';
import { actorContext } from '../admin/actor.ts';
import { json } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';

const start = createRoute({
  method: 'post',
  path: '/api/dossiers/{id}/payments',
  tags: ['Dossiers'],
  summary: 'Pay the fee online: answers where to send the citizen (the amount is the server’s)',
  request: {
    params: z.object({ id: z.string().max(40) }),
    query: z.object({ provider: z.string().max(40).optional() }),
  },
  responses: {
    201: json(
      z.object({ paymentId: z.string(), redirectUrl: z.string(), amount: z.number().int() }),
      'Go to redirectUrl.',
    ),
    ...errorResponses(401, 403, 404, 409),
  },
});
const notify = createRoute({
  method: 'post',
  path: '/api/payments/{provider}/notify',
  tags: ['Dossiers'],
  summary: 'A payment provider’s signed notification (server to server)',
  request: { params: z.object({ provider: z.string().max(40) }) },
  responses: {
    200: json(
      z.object({ status: z.enum(['succeeded', 'failed']), alreadySettled: z.boolean() }),
      'Recorded.',
    ),
    ...errorResponses(400, 401, 404),
  },
});

export function paymentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const providerOf = (c: { get: (k: 'deps') => AppEnv['Variables']['deps'] }, name?: string) => {
    const { payments } = c.get('deps');
    const provider = name ? payments.get(name) : payments.values().next().value;
    if (!provider) {
      throw new PreconditionFailedError(
        'Online payment is not available here yet; pay at the desk.',
        undefined,
        'payments_unavailable',
      );
    }
    return provider;
  };
  app.openapi(start, async (c) => {
    const ctx = await actorContext(c);
    const provider = providerOf(c, c.req.valid('query').provider);
    const { id } = c.req.valid('param');
    const returnUrl = `${tenantSiteOrigin(c)}${c.env.basePath}/dossiers/${id}`;
    return c.json(await startOnlinePayment(ctx, provider, id, { returnUrl }), 201);
  });
  app.openapi(notify, async (c) => {
    const provider = c.get('deps').payments.get(c.req.valid('param').provider);
    if (!provider) throw new NotFoundError('No such payment provider.');
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const settled = await settleOnlinePayment(
      { database: c.get('deps').database, slug: c.get('tenant').slug, now: c.get('deps').clock },
      provider,
      { headers, body: await c.req.text() },
    );
    return c.json({ status: settled.status, alreadySettled: settled.alreadySettled }, 200);
  });
  return app;
}
