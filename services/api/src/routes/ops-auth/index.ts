// Operator sign-in on the platform host: /api/ops/auth/*.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  beginOperatorTotpEnrolment,
  clearSessionCookie,
  confirmOperatorTotpEnrolment,
  cookieName,
  invalidateAllOperatorSessions,
  invalidateOperatorSession,
  operatorRolePermissions,
  sessionCookie,
  signInOperator,
  validateOperatorSession,
  verifyOperatorSecondFactor,
} from '@motcua/auth';
import { UnauthenticatedError } from '@motcua/domain';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../context.ts';
import { CodeBody, OperatorSignInBody } from '../auth/schema.ts';
import { body, json, Ok } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';

const signIn = createRoute({
  method: 'post',
  path: '/sign-in',
  tags: ['Operators'],
  summary: 'Operator sign-in with email and password; a TOTP code follows',
  request: body(OperatorSignInBody),
  responses: {
    200: json(
      z.object({ signedIn: z.literal(false), totp: z.enum(['required', 'enrolment_required']) }),
      'Password accepted; send the TOTP code next.',
    ),
    ...errorResponses(400, 401, 429),
  },
});
const totp = createRoute({
  method: 'post',
  path: '/totp',
  tags: ['Operators'],
  summary: 'Finish operator sign-in with a TOTP code',
  request: body(CodeBody),
  responses: { 200: json(Ok, 'Signed in.'), ...errorResponses(400, 401, 429) },
});
const enrol = createRoute({
  method: 'post',
  path: '/totp/enrolment',
  tags: ['Operators'],
  summary: 'Start enrolling a TOTP authenticator',
  responses: {
    200: json(z.object({ secret: z.string(), uri: z.string() }), 'Secret and URI.'),
    ...errorResponses(401, 409),
  },
});
const confirm = createRoute({
  method: 'post',
  path: '/totp/enrolment/confirm',
  tags: ['Operators'],
  summary: 'Confirm the authenticator with a first code',
  request: body(CodeBody),
  responses: { 200: json(Ok, 'Enrolled and signed in.'), ...errorResponses(400, 401, 409, 429) },
});
const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Operators'],
  summary: 'The signed-in operator with role and permissions',
  responses: {
    200: json(
      z.object({
        id: z.string(),
        email: z.string(),
        fullName: z.string(),
        role: z.string(),
        permissions: z.array(z.string()),
      }),
      'The operator.',
    ),
    ...errorResponses(401),
  },
});
const signOut = createRoute({
  method: 'post',
  path: '/sign-out',
  tags: ['Operators'],
  summary: 'Sign out (`?everywhere=true`: every session of this operator)',
  request: { query: z.object({ everywhere: z.enum(['true', 'false']).optional() }) },
  responses: { 204: { description: 'Signed out.' } },
});

export function opsAuthRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const secure = (c: Context<AppEnv>) => c.env.secure === true;
  const token = (c: Context<AppEnv>) => getCookie(c, cookieName('operator', secure(c)));
  const ctx = (c: Context<AppEnv>) => ({
    database: c.get('deps').database,
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  });

  app.openapi(signIn, async (c) => {
    const result = await signInOperator(ctx(c), c.req.valid('json'));
    const maxAgeSeconds = Math.floor((result.expiresAt.getTime() - Date.now()) / 1000);
    c.header(
      'Set-Cookie',
      sessionCookie(result.token, { realm: 'operator', secure: secure(c), maxAgeSeconds }),
    );
    return c.json(
      {
        signedIn: false as const,
        totp: result.secondFactor === 'required' ? 'required' : 'enrolment_required',
      } as const,
      200,
    );
  });
  app.openapi(totp, async (c) => {
    await verifyOperatorSecondFactor(ctx(c), token(c), c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(enrol, async (c) => c.json(await beginOperatorTotpEnrolment(ctx(c), token(c)), 200));
  app.openapi(confirm, async (c) => {
    await confirmOperatorTotpEnrolment(ctx(c), token(c), c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(me, async (c) => {
    const validation = await validateOperatorSession(c.get('deps').database, token(c));
    if (!validation?.session.twoFactorVerified)
      throw new UnauthenticatedError('Sign in as an operator to continue.');
    const { id, email, fullName, role } = validation.operator;
    return c.json({ id, email, fullName, role, permissions: [...operatorRolePermissions[role]] }, 200);
  });
  app.openapi(signOut, async (c) => {
    const { database } = c.get('deps');
    const validation = await validateOperatorSession(database, token(c));
    if (validation) {
      if (c.req.valid('query').everywhere === 'true')
        await invalidateAllOperatorSessions(database, validation.operator.id);
      else await invalidateOperatorSession(database, validation.session.id);
    }
    c.header('Set-Cookie', clearSessionCookie({ realm: 'operator', secure: secure(c) }));
    return c.body(null, 204);
  });
  return app;
}
