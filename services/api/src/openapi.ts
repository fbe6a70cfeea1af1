// /openapi.json (OpenAPI 3.1) and /docs (Scalar's reference, served from this process: the
// script comes from the @scalar/api-reference package, not a CDN, so the page works on closed
// networks, and it is started by a script file, not an inline one, so the strict CSP holds).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

const info = {
  title: 'Motcua API',
  version: '0.1.0',
  description:
    'Operator API (on the platform host, `Authorization: Bearer <operator token>`) and each agency’s API (on the agency’s host `<slug>.<platform domain>`, a verified custom domain, or under `/t/<slug>` on the platform host). Errors always have the shape `{ "error": { "code", "message", "details"? } }`.',
};

/** One document: platform paths as they are, tenant paths with the tenant host as their server. */
export function buildOpenApiDocument(
  platformApp: OpenAPIHono<AppEnv>,
  tenantApp: OpenAPIHono<AppEnv>,
  platformDomain: string,
): Document {
  const platform = platformApp.getOpenAPI31Document({ openapi: '3.1.0', info });
  const tenant = tenantApp.getOpenAPI31Document({ openapi: '3.1.0', info });
  const tenantServers = [
    {
      url: `{scheme}://{tenant}.${platformDomain}{port}`,
      description: 'The agency’s own host',
      variables: {
        scheme: { default: 'http', enum: ['http', 'https'] },
        tenant: { default: 'da-nang' },
        port: { default: ':3000' },
      },
    },
  ];
  const paths = { ...platform.paths };
  for (const [path, item] of Object.entries(tenant.paths ?? {}))
    paths[path] = { ...item, servers: tenantServers };
  return {
    ...platform,
    paths,
    tags: [
      { name: 'Operators', description: 'Onboarding and the tenant lifecycle (platform host).' },
      { name: 'Portal', description: 'An agency’s public API and sign-in (tenant host).' },
      {
        name: 'Agency console',
        description:
          'For the agency’s staff and integrations (tenant host): session cookie or `Authorization: Bearer mc_…` API key.',
      },
    ],
    components: {
      ...platform.components,
      schemas: { ...platform.components?.schemas, ...tenant.components?.schemas },
    },
    security: [],
  };
}

const require = createRequire(import.meta.url);
let scalarScript: string | undefined;

export function docsRoutes(document: () => Document) {
  const app = new Hono<AppEnv>();
  app.get('/openapi.json', (c) => c.json(document()));
  app.get('/docs/scalar.js', (c) => {
    // The package does not export its browser bundle; it sits beside the main entry.
    scalarScript ??= readFileSync(
      join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js'),
      'utf8',
    );
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(scalarScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/docs/init.js', (c) =>
    c.body("Scalar.createApiReference('#app', { url: '/openapi.json' });\n", 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
    }),
  );
  app.get('/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Motcua API reference</title>
  </head>
  <body>
    <noscript>The interactive reference needs JavaScript; the OpenAPI document is at <a href="/openapi.json">/openapi.json</a>.</noscript>
    <div id="app"></div>
    <script src="/docs/scalar.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>`),
  );
  return app;
}
