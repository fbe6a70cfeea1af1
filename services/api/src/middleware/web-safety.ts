// Browser safety for every response and every state-changing request.
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../context.ts';

/**
 * Strict headers: no inline script anywhere (pages work without JavaScript), styles only from
 * our own stylesheet, no framing. The API reference page loads its script from this origin.
 */
function headers(styleSrc: string[]) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc,
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

const strict = headers(["'self'"]);
// Scalar's reference injects its styles at run time; scripts stay same-origin only.
const docs = headers(["'self'", "'unsafe-inline'"]);

export function safetyHeaders() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await (c.req.path.startsWith('/docs') ? docs(c, next) : strict(c, next));
    // Pages whose address holds a one-time token ask for no referrer at all; keep that.
    if (new URL(c.req.url).searchParams.has('token')) c.res.headers.set('Referrer-Policy', 'no-referrer');
  });
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request that carries cookies must come from a page of the same
 * origin (Origin, or Referer when a browser omits Origin). SameSite=Lax cookies are the
 * first line; this is the second. Requests without cookies (API clients with bearer tokens
 * or keys) cannot ride on a victim's session and are not checked.
 */
export function csrfProtection() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (safeMethods.has(c.req.method) || !c.req.header('cookie')) return next();
    const host = c.req.header('host');
    const source = c.req.header('origin') ?? c.req.header('referer');
    let sameOrigin = false;
    if (host && source && source !== 'null') {
      try {
        sameOrigin = new URL(source).host === host;
      } catch {
        sameOrigin = false;
      }
    }
    if (!sameOrigin) {
      return c.json(
        { error: { code: 'csrf_rejected', message: 'The request did not come from this site’s own pages.' } },
        403,
      );
    }
    return next();
  });
}
