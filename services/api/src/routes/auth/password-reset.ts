// Password reset by emailed link for an agency's staff and citizens: /api/auth/password-reset*
// on the tenant's host. The verbs live in @motcua/auth (which queues the email in the outbox);
// this adapter picks the link's origin.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { confirmPasswordReset, requestPasswordReset } from '@motcua/auth';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { tenantSiteOrigin } from '../../tenant-mail.ts';
import { body, json } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';

const RequestBody = z
  .object({ email: z.string().openapi({ example: 'nguyenvana@example.vn' }) })
  .openapi('PasswordResetRequest');

const ConfirmBody = z
  .object({
    token: z.string().openapi({ description: 'The `token` parameter of the emailed link.' }),
    password: z.string().openapi({ description: 'The new password; the password policy applies.' }),
  })
  .openapi('PasswordResetConfirm');

const request = createRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  tags: ['Portal'],
  summary: 'Ask for a password reset link by email (staff and citizens)',
  description:
    'Answers 202 `{"status":"sent_if_exists"}` whether or not the address has an account; when it has, a link valid for 30 minutes, usable once, is emailed to it and earlier links stop working. Requests are limited per address and per client (429 with Retry-After).',
  request: body(RequestBody),
  responses: {
    202: json(z.object({ status: z.literal('sent_if_exists') }), 'Sent, if the account exists.'),
    ...errorResponses(400, 429),
  },
});

const confirm = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  tags: ['Portal'],
  summary: 'Set a new password with the token of a reset link',
  description:
    'Ends every session of the account; sign in again afterwards. A forged, used or expired token is 400 `invalid_or_expired_token`; a password the policy refuses is 400 `invalid_input` with `details[].path = "password"` and a `code`, and the link keeps working.',
  request: body(ConfirmBody),
  responses: {
    200: json(z.object({ status: z.literal('password_reset') }), 'The password is changed.'),
    ...errorResponses(400),
  },
});

export function passwordResetRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const context = (c: Context<AppEnv>) => ({
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  });

  app.openapi(request, async (c) => {
    const ctx = {
      ...context(c),
      siteName: c.get('tenant').name,
      origin: tenantSiteOrigin(c),
      basePath: c.env.basePath,
    };
    return c.json(await requestPasswordReset(ctx, c.req.valid('json')), 202);
  });
  app.openapi(confirm, async (c) => {
    await confirmPasswordReset(context(c), c.req.valid('json'));
    return c.json({ status: 'password_reset' as const }, 200);
  });
  return app;
}
