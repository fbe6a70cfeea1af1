// The agency console's API for admins: API keys and the audit trail (/api/admin/*).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  checkAuditChain,
  createApiKey,
  createSupportGrant,
  getOidcSettings,
  listApiKeys,
  listSupportGrants,
  readAuditLog,
  revokeApiKey,
  revokeSupportGrant,
  setOidcSettings,
} from '@motcua/auth';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { isDevelopmentDomain } from '../auth/oidc.ts';
import { json } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';
import { staffContext } from './actor.ts';

const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    mode: z.enum(['live', 'test']),
    permissions: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

type KeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
const toKey = (k: KeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  mode: k.mode,
  permissions: [...k.permissions],
  createdBy: k.createdBy,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

const listKeys = createRoute({
  method: 'get',
  path: '/api/admin/api-keys',
  tags: ['Agency console'],
  summary: 'API keys of this agency (never the secret)',
  responses: { 200: json(z.object({ keys: z.array(ApiKey) }), 'Keys.'), ...errorResponses(401, 403) },
});
const createKey = createRoute({
  method: 'post',
  path: '/api/admin/api-keys',
  tags: ['Agency console'],
  summary: 'Create an API key; the whole key is shown in this answer only',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().openapi({ example: 'Đồng bộ Cổng DVC quốc gia' }),
            mode: z.enum(['live', 'test']),
            permissions: z.array(z.string()).openapi({ example: ['dossiers.read'] }),
          }),
        },
      },
    },
  },
  responses: {
    201: json(z.object({ key: z.string(), apiKey: ApiKey }), 'Created.'),
    ...errorResponses(400, 401, 403),
  },
});
const revokeKey = createRoute({
  method: 'delete',
  path: '/api/admin/api-keys/{id}',
  tags: ['Agency console'],
  summary: 'Revoke an API key',
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: json(z.object({ apiKey: ApiKey }), 'Revoked.'), ...errorResponses(401, 403, 404) },
});
const audit = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags: ['Agency console'],
  summary: 'The audit trail, newest first',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).optional(),
      before: z.coerce.number().int().min(1).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        rows: z.array(
          z.object({
            id: z.number(),
            at: z.string(),
            actor: z.string(),
            action: z.string(),
            subject: z.string().nullable(),
            requestId: z.string().nullable(),
            ip: z.string().nullable(),
            details: z.record(z.string(), z.unknown()).nullable(),
          }),
        ),
        nextBefore: z.number().nullable(),
      }),
      'A page of audit rows.',
    ),
    ...errorResponses(401, 403),
  },
});
const verify = createRoute({
  method: 'get',
  path: '/api/admin/audit/verify',
  tags: ['Agency console'],
  summary: 'Check the audit trail’s hash chain; names the first broken row',
  responses: {
    200: json(
      z.object({
        rows: z.number(),
        intact: z.boolean(),
        firstBrokenId: z.number().optional(),
        reason: z.enum(['content_changed', 'link_broken']).optional(),
      }),
      'The report.',
    ),
    ...errorResponses(401, 403),
  },
});

const Grant = z
  .object({
    id: z.string(),
    operatorEmail: z.string(),
    reason: z.string(),
    grantedBy: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('SupportGrant');
type GrantRow = Awaited<ReturnType<typeof listSupportGrants>>[number];
const toGrant = (g: GrantRow) => ({
  id: g.id,
  operatorEmail: g.operatorEmail,
  reason: g.reason,
  grantedBy: g.grantedBy,
  expiresAt: g.expiresAt.toISOString(),
  revokedAt: g.revokedAt?.toISOString() ?? null,
  createdAt: g.createdAt.toISOString(),
});
const listGrants = createRoute({
  method: 'get',
  path: '/api/admin/support-grants',
  tags: ['Agency console'],
  summary: 'Support access this agency granted to the vendor',
  responses: { 200: json(z.object({ grants: z.array(Grant) }), 'Grants.'), ...errorResponses(401, 403) },
});
const createGrant = createRoute({
  method: 'post',
  path: '/api/admin/support-grants',
  tags: ['Agency console'],
  summary: 'Grant a vendor support operator time-limited access (at most 72 hours)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            operatorEmail: z.string(),
            reason: z.string().openapi({ example: 'Hồ sơ không chuyển bước được, phiếu hỗ trợ #123' }),
            hours: z.number().int(),
          }),
        },
      },
    },
  },
  responses: { 201: json(z.object({ grant: Grant }), 'Granted.'), ...errorResponses(400, 401, 403) },
});
const revokeGrant = createRoute({
  method: 'delete',
  path: '/api/admin/support-grants/{id}',
  tags: ['Agency console'],
  summary: 'End a support grant now',
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: json(z.object({ grant: Grant }), 'Revoked.'), ...errorResponses(401, 403, 404) },
});

const OidcSettings = z
  .object({
    issuer: z.string().openapi({ example: 'https://sso.dichvucong.gov.vn' }),
    clientId: z.string(),
    redirectUri: z.string().optional(),
    displayName: z.string().openapi({ example: 'VNeID' }),
  })
  .openapi('OidcSettings');
const getOidc = createRoute({
  method: 'get',
  path: '/api/admin/oidc-settings',
  tags: ['Agency console'],
  summary: 'The national identity provider citizens sign in with (never the client secret)',
  responses: {
    200: json(z.object({ settings: OidcSettings.nullable() }), 'The settings, or null when none are set.'),
    ...errorResponses(401, 403),
  },
});
const putOidc = createRoute({
  method: 'put',
  path: '/api/admin/oidc-settings',
  tags: ['Agency console'],
  summary: 'Set the national identity provider (OpenID Connect) for citizen sign-in',
  description:
    "The issuer must be https on the public internet (400 on `issuer` for loopback, private, link-local and other internal addresses, the name's resolved addresses included), unless the operator allows its host in OIDC_ALLOWED_HOSTS.",
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: OidcSettings.extend({ clientSecret: z.string() }) } },
    },
  },
  responses: { 200: json(z.object({ settings: OidcSettings }), 'Saved.'), ...errorResponses(400, 401, 403) },
});

export function adminRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(listKeys, async (c) => {
    const keys = await listApiKeys(await staffContext(c), { includeRevoked: true });
    return c.json({ keys: keys.map(toKey) }, 200);
  });
  app.openapi(createKey, async (c) => {
    const { key, apiKey } = await createApiKey(await staffContext(c), c.req.valid('json'));
    return c.json({ key, apiKey: toKey(apiKey) }, 201);
  });
  app.openapi(revokeKey, async (c) => {
    const apiKey = await revokeApiKey(await staffContext(c), { id: c.req.valid('param').id });
    return c.json({ apiKey: toKey(apiKey) }, 200);
  });
  app.openapi(audit, async (c) => {
    const { rows, nextBefore } = await readAuditLog(await staffContext(c), c.req.valid('query'));
    return c.json(
      {
        rows: rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null })),
        nextBefore: nextBefore ?? null,
      },
      200,
    );
  });
  app.openapi(verify, async (c) => c.json(await checkAuditChain(await staffContext(c)), 200));
  app.openapi(listGrants, async (c) =>
    c.json({ grants: (await listSupportGrants(await staffContext(c))).map(toGrant) }, 200),
  );
  app.openapi(createGrant, async (c) =>
    c.json({ grant: toGrant(await createSupportGrant(await staffContext(c), c.req.valid('json'))) }, 201),
  );
  app.openapi(revokeGrant, async (c) =>
    c.json({ grant: toGrant(await revokeSupportGrant(await staffContext(c), c.req.valid('param').id)) }, 200),
  );
  const oidcContext = async (c: Context<AppEnv>) => ({
    ...(await staffContext(c)),
    allowHttp: isDevelopmentDomain(c.get('deps').env.PLATFORM_DOMAIN),
    egress: { allowedHosts: c.get('deps').env.OIDC_ALLOWED_HOSTS },
  });
  app.openapi(getOidc, async (c) => c.json({ settings: await getOidcSettings(await oidcContext(c)) }, 200));
  app.openapi(putOidc, async (c) =>
    c.json({ settings: await setOidcSettings(await oidcContext(c), c.req.valid('json')) }, 200),
  );
  return app;
}
