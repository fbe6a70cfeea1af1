// The API process's HTTP entry: a dispatcher sends each request to the platform app (landing,
// operator API, docs, health) or to the tenant app (portal, agency console, tenant API),
// deciding by host name, verified custom domain, or the `/t/<slug>` path fallback.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppBindings, AppDeps, AppEnv } from './context.ts';
import { onError, onNotFound } from './errors.tsx';
import { limitBodies } from './middleware/body-limit.ts';
import { refuseMalformedBody, refuseMalformedUrl } from './middleware/input-guard.ts';
import { requestContext } from './middleware/request-context.ts';
import { requestDeadline } from './middleware/request-deadline.ts';
import { resolveTenant } from './middleware/tenant.tsx';
import { csrfProtection, safetyHeaders } from './middleware/web-safety.ts';
import { buildOpenApiDocument, docsRoutes } from './openapi.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { oidcRoutes } from './routes/auth/oidc.ts';
import { passwordResetRoutes } from './routes/auth/password-reset.ts';
import { catalogAdminRoutes } from './routes/catalog-admin/index.ts';
import { consolePageRoutes } from './routes/console/index.tsx';
import { consoleDossiersRoutes } from './routes/console-dossiers/index.tsx';
import { consoleProceduresRoutes } from './routes/console-procedures/index.tsx';
import { consoleSettingsRoutes } from './routes/console-settings/index.tsx';
import { dossierPrintRoutes } from './routes/dossier-prints/index.ts';
import { dossierRoutes } from './routes/dossiers/index.ts';
import { feedbackRoutes } from './routes/feedback/index.ts';
import { opsRoutes } from './routes/ops/index.ts';
import { opsAuthRoutes } from './routes/ops-auth/index.ts';
import { opsPagesRoutes } from './routes/ops-pages/index.tsx';
import { paymentRoutes } from './routes/payments/index.ts';
import { authPageRoutes } from './routes/portal/auth-pages.tsx';
import { portalRoutes } from './routes/portal/index.tsx';
import { portalFormRoutes } from './routes/portal-form/index.tsx';
import { portalPagesRoutes } from './routes/portal-pages/index.tsx';
import { publicRoutes } from './routes/public/index.ts';
import { staffRoutes } from './routes/staff/index.ts';
import { assetRoutes, systemRoutes } from './routes/system/index.tsx';
import { themeStylesheet } from './routes/system/theme.ts';
import { validationHook } from './routes/validation-hook.ts';

export interface MotcuaApp {
  /** `server` is what @hono/node-server passes: the Node request, for the client address. */
  fetch(request: Request, server?: { incoming?: { socket?: { remoteAddress?: string } } }): Promise<Response>;
  /** Every route the two apps answer (middleware left out): what the route-security test walks. */
  routes: readonly AppRoute[];
}

export interface AppRoute {
  app: 'tenant' | 'platform';
  method: string;
  path: string;
}

const routeTable = (app: 'tenant' | 'platform', hono: { routes: { method: string; path: string }[] }) => {
  const seen = new Set<string>();
  return hono.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ app, method: r.method, path: r.path }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && Boolean(seen.add(`${r.method} ${r.path}`)));
};

function baseApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestContext(deps));
  app.use('*', requestDeadline(deps.env.REQUEST_TIMEOUT_MS));
  app.use('*', safetyHeaders());
  app.use('*', csrfProtection());
  app.use('*', refuseMalformedUrl());
  app.onError(onError);
  app.notFound(onNotFound);
  app.route('/', assetRoutes());
  return app;
}

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const headerList = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Whether the client reached us over https, and from where: from the socket, or, behind
 * `hops` trusted proxies, from what the nearest proxy forwarded (never from headers alone
 * when no proxy is configured: a client could claim anything).
 */
function connectionOf(request: Request, url: URL, socketIp: string | undefined, hops: number) {
  let secure = url.protocol === 'https:';
  let clientIp = socketIp;
  if (hops > 0) {
    const proto = headerList(request.headers.get('x-forwarded-proto')).at(-1);
    if (proto) secure = proto.toLowerCase() === 'https';
    clientIp = headerList(request.headers.get('x-forwarded-for')).at(-hops) ?? socketIp;
  }
  return { secure, ...(clientIp ? { clientIp } : {}) };
}
const pathTenant = /^\/t\/([^/]+)(\/.*)?$/;

export function createApp(deps: AppDeps): MotcuaApp {
  const tenantApp = baseApp(deps);
  tenantApp.get('/assets/theme.css', themeStylesheet);
  tenantApp.use('*', resolveTenant());
  // After the tenant is known: an unknown or suspended agency's requests are answered unread.
  tenantApp.use('*', limitBodies());
  tenantApp.use('*', refuseMalformedBody());
  tenantApp.route('/', publicRoutes());
  tenantApp.route('/', authRoutes());
  tenantApp.route('/', oidcRoutes());
  tenantApp.route('/', passwordResetRoutes());
  tenantApp.route('/', adminRoutes());
  tenantApp.route('/', staffRoutes());
  tenantApp.route('/', dossierRoutes());
  tenantApp.route('/', dossierPrintRoutes());
  tenantApp.route('/', catalogAdminRoutes());
  tenantApp.route('/', paymentRoutes());
  tenantApp.route('/', feedbackRoutes());
  tenantApp.route('/', portalRoutes());
  tenantApp.route('/', authPageRoutes());
  tenantApp.route('/', consolePageRoutes());
  tenantApp.route('/', portalPagesRoutes());
  tenantApp.route('/', portalFormRoutes());
  tenantApp.route('/', consoleDossiersRoutes());
  tenantApp.route('/', consoleProceduresRoutes());
  tenantApp.route('/', consoleSettingsRoutes());

  const platformApp = baseApp(deps);
  platformApp.use('*', limitBodies());
  platformApp.use('*', refuseMalformedBody());
  platformApp.get('/assets/theme.css', themeStylesheet);
  platformApp.route('/api/ops/auth', opsAuthRoutes());
  platformApp.route('/api/ops', opsRoutes());
  platformApp.route('/', opsPagesRoutes());
  platformApp.route('/', systemRoutes());
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  platformApp.route(
    '/',
    docsRoutes(() => {
      document ??= buildOpenApiDocument(platformApp, tenantApp, deps.env.PLATFORM_DOMAIN);
      return document;
    }),
  );

  const domain = deps.env.PLATFORM_DOMAIN;
  const suffix = `.${domain}`;
  const proxyHops = deps.env.TRUST_PROXY_HOPS;

  return {
    routes: [...routeTable('tenant', tenantApp), ...routeTable('platform', platformApp)],
    fetch(request, server) {
      const url = new URL(request.url);
      const connection = connectionOf(request, url, server?.incoming?.socket?.remoteAddress, proxyHops);
      const host = (request.headers.get('host') ?? url.host).replace(/:\d+$/, '').toLowerCase();
      const isPlatformHost = host === domain || host === 'localhost' || ipv4.test(host) || host === '[::1]';
      if (!isPlatformHost) {
        const bindings: AppBindings = host.endsWith(suffix)
          ? { ...connection, basePath: '', tenantSlug: host.slice(0, -suffix.length) }
          : { ...connection, basePath: '', tenantDomain: host };
        return Promise.resolve(tenantApp.fetch(request, bindings));
      }
      const match = pathTenant.exec(url.pathname);
      if (match?.[1]) {
        const slug = match[1];
        url.pathname = match[2] ?? '/';
        const bindings: AppBindings = { ...connection, basePath: `/t/${slug}`, tenantSlug: slug };
        return Promise.resolve(tenantApp.fetch(new Request(url, request), bindings));
      }
      return Promise.resolve(platformApp.fetch(request, { ...connection, basePath: '' }));
    },
  };
}
