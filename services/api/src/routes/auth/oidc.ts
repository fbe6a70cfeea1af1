// Citizens' sign-in through the agency's national identity provider: /api/auth/oidc/* on the
// tenant's host. The pending sign-in waits in a short-lived cookie signed by the server.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  beginOidcSignIn,
  completeOidcSignIn,
  OidcNotConfiguredError,
  type OidcSignInContext,
  OidcSignInError,
  type PendingSignIn,
  pendingSignInTtlMs,
} from '@motcua/auth';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../context.ts';
import { renderError } from '../../errors.tsx';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';
import { setSession } from './session.ts';

const pendingCookie = 'motcua_oidc';
const callbackPath = '/api/auth/oidc/callback';

const start = createRoute({
  method: 'get',
  path: '/api/auth/oidc/start',
  tags: ['Portal'],
  summary: "Sign in through the agency's national identity provider (citizens)",
  description:
    'Redirects the browser to the provider and keeps the pending sign-in in a short-lived HttpOnly cookie. 404 `oidc_not_configured` when the agency has no provider.',
  responses: {
    302: { description: "To the provider's sign-in page." },
    ...errorResponses(400, 404),
  },
});

const callback = createRoute({
  method: 'get',
  path: callbackPath,
  tags: ['Portal'],
  summary: 'Where the identity provider sends the citizen back',
  description:
    "Takes the provider's `code` and `state` (or `error`), signs the citizen in (found by the provider's identity, linked by a verified email, or created; marked identity-verified), sets the session cookie and redirects to the portal. Failures answer 400 with the reason's code and create nothing.",
  responses: {
    302: { description: 'Signed in; to the portal.' },
    ...errorResponses(400, 404),
  },
});

export function oidcRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(start, (c) =>
    answer(c, async () => {
      const { url, pending } = await beginOidcSignIn(signInContext(c));
      setCookie(c, pendingCookie, sealPending(c, pending), {
        ...pendingCookieScope(c),
        httpOnly: true,
        sameSite: 'Lax',
        maxAge: pendingSignInTtlMs / 1000,
      });
      return c.redirect(url, 302);
    }),
  );

  app.openapi(callback, (c) =>
    answer(c, async () => {
      const pending = unsealPending(c);
      // Single use, whatever the outcome: a failed callback needs a fresh start anyway.
      deleteCookie(c, pendingCookie, pendingCookieScope(c));
      const result = await completeOidcSignIn(signInContext(c), { callbackUrl: c.req.url, pending });
      setSession(c, result.token, result.expiresAt);
      return c.redirect(`${c.env.basePath}/`, 302);
    }),
  );
  return app;
}

function signInContext(c: Context<AppEnv>): OidcSignInContext {
  return {
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
    redirectUri: `${new URL(c.req.url).origin}${c.env.basePath}${callbackPath}`,
    allowHttp: isDevelopmentDomain(c.get('deps').env.PLATFORM_DOMAIN),
    egress: { allowedHosts: c.get('deps').env.OIDC_ALLOWED_HOSTS },
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  };
}

/**
 * Plain-http callbacks only where the platform's own name can never be public (RFC 6761:
 * localhost, .localhost, .test): local development and tests. (Providers are another matter:
 * plain http only to the hosts in OIDC_ALLOWED_HOSTS.)
 */
export function isDevelopmentDomain(domain: string): boolean {
  return ['localhost', 'test'].some((name) => domain === name || domain.endsWith(`.${name}`));
}

/** The two failures this sub-app answers itself; everything else goes to the app's onError. */
async function answer(c: Context<AppEnv>, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OidcNotConfiguredError) {
      // The app's error mapping gives every NotFoundError the code `not_found`.
      return renderError(c, 404, { error: { code: error.code, message: error.message } });
    }
    if (error instanceof OidcSignInError) {
      // onError logs only 5xx; operators need the provider's side of a refused sign-in.
      c.get('logger').warn('oidc sign-in failed', { code: error.code, diagnostic: error.diagnostic });
    }
    throw error;
  }
}

// The cookie is readable only under the callback's path; on the /t/<slug> fallback all
// tenants share one host, so the base path also keeps each tenant's cookie to itself.
function pendingCookieScope(c: Context<AppEnv>) {
  return { path: `${c.env.basePath}/api/auth/oidc`, secure: c.env.secure === true };
}

/**
 * The HMAC key for pending-sign-in cookies, derived from the operator token under a label of
 * its own so that it is good for nothing else. A dedicated secret belongs in configuration
 * (env.ts) later; rotating the token only restarts sign-ins in flight.
 */
function cookieKey(c: Context<AppEnv>): Buffer {
  const secret = c.get('deps').env.MOTCUA_OPS_TOKEN;
  return Buffer.from(hkdfSync('sha256', secret, '', 'motcua/oidc-pending-sign-in/v1', 32));
}

function mac(c: Context<AppEnv>, payload: string): Buffer {
  return createHmac('sha256', cookieKey(c)).update(payload).digest();
}

/** `payload.mac`, base64url both: the pending sign-in bound to this tenant. */
function sealPending(c: Context<AppEnv>, pending: PendingSignIn): string {
  const payload = Buffer.from(JSON.stringify({ tenant: c.get('tenant').slug, pending })).toString(
    'base64url',
  );
  return `${payload}.${mac(c, payload).toString('base64url')}`;
}

/** The pending sign-in this server sealed for this tenant, or null (missing, forged, another tenant's). */
function unsealPending(c: Context<AppEnv>): PendingSignIn | null {
  const [payload, signature, ...rest] = (getCookie(c, pendingCookie) ?? '').split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = mac(c, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // Signed by us, so well-formed JSON; the relying party still checks the pending sign-in's shape.
  const sealed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    tenant?: unknown;
    pending?: PendingSignIn;
  };
  return sealed.tenant === c.get('tenant').slug && sealed.pending ? sealed.pending : null;
}
