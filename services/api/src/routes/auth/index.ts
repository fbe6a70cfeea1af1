// Sign-in for an agency's staff and citizens: /api/auth/* on the tenant's host.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  invalidateAllTenantSessions,
  invalidateTenantSession,
  registerCitizen,
  signInToTenant,
  staffRolePermissions,
  validateTenantSession,
  verifyTenantSecondFactor,
} from '@motcua/auth';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { body, json, Ok } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';
import { CodeBody, Me, RegisterBody, SignedIn, SignInBody } from './schema.ts';
import { clearSession, requireTenantSession, sessionToken, setSession } from './session.ts';

const signIn = createRoute({
  method: 'post',
  path: '/api/auth/sign-in',
  tags: ['Portal'],
  summary: 'Sign in with email and password (staff and citizens)',
  description:
    'Sets the session cookie. Agency admins then answer `{"totp":"required"}` (send the code to `POST /api/auth/totp`) or `{"totp":"enrolment_required"}`. Wrong credentials never say whether the account exists; repeated failures are throttled (429 with Retry-After).',
  request: body(SignInBody),
  responses: {
    200: json(SignedIn, 'Signed in, or the second step is next.'),
    ...errorResponses(400, 401, 429),
  },
});

const totp = createRoute({
  method: 'post',
  path: '/api/auth/totp',
  tags: ['Portal'],
  summary: 'Finish signing in with a TOTP code',
  request: body(CodeBody),
  responses: { 200: json(Ok, 'Signed in.'), ...errorResponses(400, 401, 409, 429) },
});

const enrol = createRoute({
  method: 'post',
  path: '/api/auth/totp/enrolment',
  tags: ['Portal'],
  summary: 'Start enrolling a TOTP authenticator (agency admins must)',
  responses: {
    200: json(z.object({ secret: z.string(), uri: z.string() }), 'The secret and its otpauth:// URI.'),
    ...errorResponses(401, 409),
  },
});

const confirmEnrol = createRoute({
  method: 'post',
  path: '/api/auth/totp/enrolment/confirm',
  tags: ['Portal'],
  summary: 'Confirm the authenticator with a first code',
  request: body(CodeBody),
  responses: { 200: json(Ok, 'Enrolled and signed in.'), ...errorResponses(400, 401, 409, 429) },
});

const register = createRoute({
  method: 'post',
  path: '/api/auth/register',
  tags: ['Portal'],
  summary: 'Register as a citizen',
  description: 'Answers the same whether or not the address already has an account; then sign in.',
  request: body(RegisterBody),
  responses: {
    202: json(z.object({ status: z.literal('registered') }), 'Registered (or already registered).'),
    ...errorResponses(400),
  },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['Portal'],
  summary: 'Who is signed in, with role and permissions',
  responses: { 200: json(Me, 'The signed-in person.'), ...errorResponses(401) },
});

const signOut = createRoute({
  method: 'post',
  path: '/api/auth/sign-out',
  tags: ['Portal'],
  summary: 'Sign out (`?everywhere=true`: every session of this account)',
  request: { query: z.object({ everywhere: z.enum(['true', 'false']).optional() }) },
  responses: { 204: { description: 'Signed out; the cookie is cleared.' } },
});

export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const context = (c: Context<AppEnv>) => ({
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  });

  app.openapi(signIn, async (c) => {
    const result = await signInToTenant(context(c), c.req.valid('json'));
    setSession(c, result.token, result.expiresAt);
    return c.json(
      {
        signedIn: result.secondFactor === 'none',
        ...(result.secondFactor === 'none' ? {} : { totp: result.secondFactor }),
        principal: result.principal,
      },
      200,
    );
  });
  app.openapi(totp, async (c) => {
    await verifyTenantSecondFactor({ ...context(c), token: sessionToken(c) }, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(enrol, async (c) => {
    const issuer = `Motcua ${c.get('tenant').name}`;
    return c.json(await beginTotpEnrolment({ ...context(c), token: sessionToken(c) }, issuer), 200);
  });
  app.openapi(confirmEnrol, async (c) => {
    await confirmTotpEnrolment({ ...context(c), token: sessionToken(c) }, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(register, async (c) => c.json(await registerCitizen(context(c), c.req.valid('json')), 202));
  app.openapi(me, async (c) => {
    const { session, principal } = await requireTenantSession(c);
    const staff = principal.kind === 'staff' ? principal : undefined;
    return c.json(
      {
        kind: principal.kind,
        id: principal.id,
        email: principal.email,
        fullName: principal.fullName,
        role: staff?.role ?? null,
        unitId: staff?.unitId ?? null,
        permissions: staff ? [...staffRolePermissions[staff.role]] : [],
        identityVerified: principal.kind === 'citizen' ? principal.identityVerified : false,
        sessionExpiresAt: session.expiresAt.toISOString(),
      },
      200,
    );
  });
  app.openapi(signOut, async (c) => {
    const { database } = c.get('deps');
    const slug = c.get('tenant').slug;
    const validation = await validateTenantSession(database, slug, sessionToken(c));
    if (validation) {
      if (c.req.valid('query').everywhere === 'true') {
        await invalidateAllTenantSessions(database, slug, validation.principal.kind, validation.principal.id);
      } else {
        await invalidateTenantSession(database, slug, validation.session.id);
      }
    }
    clearSession(c);
    return c.body(null, 204);
  });
  return app;
}
