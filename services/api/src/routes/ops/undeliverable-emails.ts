import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { readUndeliverableEmails, type UndeliverableEmails } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { errorResponses, SlugParam } from './schema.ts';

const Reason = z.enum(['rejected', 'expired']).openapi({
  description:
    '`rejected`: the mail server refused it for good (5xx to RCPT TO or DATA); `expired`: it kept failing for three days.',
});

export const UndeliverableEmailsView = z
  .object({
    counts: z.object({ rejected: z.number().int(), expired: z.number().int() }),
    latest: z.array(
      z.object({
        id: z.number().int(),
        template: z.string().openapi({ example: 'dossier.received' }),
        reason: Reason,
        error: z.string().nullable().openapi({ example: 'Error:EENVELOPE:550' }),
        smtpCode: z.number().int().nullable().openapi({ example: 550 }),
        attempts: z.number().int(),
        createdAt: z.string(),
        givenUpAt: z.string(),
      }),
    ),
  })
  .openapi('UndeliverableEmails');

export const undeliverableEmailsRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}/undeliverable-emails',
  tags: ['Operators'],
  summary: 'Emails of the agency the worker gave up on, counted by reason, with the latest 20',
  description:
    'No addresses and no content: the kind of email, why, the SMTP code and when. Empty for an agency that is not active or suspended.',
  request: { params: SlugParam },
  responses: {
    200: {
      description: 'The counts and the latest.',
      content: { 'application/json': { schema: UndeliverableEmailsView } },
    },
    ...errorResponses(400, 401, 404),
  },
});

export function toUndeliverableDto(view: UndeliverableEmails) {
  return {
    counts: view.counts,
    latest: view.latest.map((e) => ({
      ...e,
      createdAt: e.createdAt.toISOString(),
      givenUpAt: e.givenUpAt.toISOString(),
    })),
  };
}

export const undeliverableEmailsHandler: RouteHandler<typeof undeliverableEmailsRoute, AppEnv> = async (
  c,
) => {
  const view = await readUndeliverableEmails(c.get('deps').provisioning, c.req.valid('param').slug);
  return c.json(toUndeliverableDto(view), 200);
};
