// The catalog and dossier API under a tenant: the published catalog and public tracking for
// anyone; dossiers for their citizen and for the agency's staff and integrations.
import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { dossierActions, legacyLevel } from '@motcua/domain';
import {
  actOnDossier,
  getDossier,
  getProcedure,
  listMyDossiers,
  listProcedures,
  listQueue,
  openProcedureTemplate,
  queueFilter,
  saveDossier,
  startUpload,
  trackDossier,
  verifyUpload,
} from '@motcua/engine';
import type { AppEnv } from '../../context.ts';
import { allowBody, documentBodyBytes } from '../../middleware/body-limit.ts';
import { actorContext } from '../admin/actor.ts';
import { body, json } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';
import {
  ActionBody,
  Dossier,
  DossierDocument,
  ProcedureSummary,
  QueueDossier,
  SaveDossierBody,
  SavedDossier,
  StartUploadBody,
  TemplateParams,
  Timeline,
  Tracked,
  Upload,
} from './schema.ts';

const tags = ['Dossiers'];
const actionNames = dossierActions.map((a) => a.replaceAll('_', '-'));

const listProceduresRoute = createRoute({
  method: 'get',
  path: '/api/procedures',
  tags: ['Catalog'],
  summary: 'The published procedure catalog (no sign-in needed)',
  responses: { 200: json(z.object({ procedures: z.array(ProcedureSummary) }), 'Published procedures.') },
});
const getProcedureRoute = createRoute({
  method: 'get',
  path: '/api/procedures/{code}',
  tags: ['Catalog'],
  summary: 'A published procedure: the whole version document citizens file under',
  request: { params: z.object({ code: z.string().max(80) }) },
  responses: {
    200: json(
      z.object({ versionId: z.string(), version: z.number(), document: z.record(z.string(), z.unknown()) }),
      'The current version.',
    ),
    ...errorResponses(404),
  },
});
const templateRoute = createRoute({
  method: 'get',
  path: '/api/procedures/{code}/templates/{file}',
  tags: ['Catalog'],
  summary: 'Download a template a published procedure names (mẫu đơn, tờ khai)',
  request: { params: TemplateParams },
  responses: {
    200: {
      description: 'The file, as uploaded and checked (a file changed in storage since is refused: 409).',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(400, 404, 409, 503),
  },
});
const saveRoute = createRoute({
  method: 'post',
  path: '/api/dossiers',
  tags,
  summary: 'Save a draft dossier, or submit it with `"submit": true` (citizens)',
  middleware: allowBody({ maxBytes: documentBodyBytes }),
  request: {
    ...body(SaveDossierBody),
    headers: z.object({
      'idempotency-key': z
        .string()
        .optional()
        .openapi({ description: 'A retry with the same key returns the same dossier.' }),
    }),
  },
  responses: {
    200: json(SavedDossier, 'Draft saved.'),
    201: json(SavedDossier, 'Submitted: the dossier has its code.'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/dossiers',
  tags,
  summary: 'A citizen’s own dossiers, or the staff queue (filters: state, procedureCode, due, assignedToMe)',
  description:
    'A citizen gets their own dossiers whole (`Dossier`); staff get the queue (`QueueDossier`), which leaves the answers out.',
  request: { query: queueFilter.partial() },
  responses: {
    200: json(z.object({ dossiers: z.array(z.union([QueueDossier, Dossier])) }), 'Dossiers.'),
    ...errorResponses(400, 401, 403),
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/dossiers/{id}',
  tags,
  summary: 'A dossier and its timeline (staff views are audited)',
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: {
    200: json(z.object({ dossier: Dossier, timeline: Timeline }), 'The dossier.'),
    ...errorResponses(401, 404),
  },
});
const actRoute = createRoute({
  method: 'post',
  path: '/api/dossiers/{id}/actions/{action}',
  tags,
  summary: 'Take a step in the dossier’s life (receive, request-supplement, refuse, assign, approve, …)',
  // A supplement's answers are a dossier's answers.
  middleware: allowBody({ maxBytes: documentBodyBytes }),
  request: {
    params: z.object({ id: z.string().max(40), action: z.enum(actionNames as [string, ...string[]]) }),
    ...body(ActionBody),
  },
  responses: {
    200: json(z.object({ dossier: Dossier }), 'Done.'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const startUploadRoute = createRoute({
  method: 'post',
  path: '/api/dossiers/{id}/documents',
  tags,
  summary: 'Declare a file and get a short-lived URL to upload it straight to storage',
  request: { params: z.object({ id: z.string().max(40) }), ...body(StartUploadBody) },
  responses: {
    201: json(Upload, 'Upload the file to `upload.url`.'),
    // 409 `storage_quota_exceeded`: the citizen's files would pass CITIZEN_STORAGE_QUOTA_MB.
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});
const verifyUploadRoute = createRoute({
  method: 'post',
  path: '/api/dossiers/{id}/documents/{documentId}/verify',
  tags,
  summary: 'Check an uploaded file (size, type sniffed from its bytes, checksum) so that it counts',
  request: { params: z.object({ id: z.string().max(40), documentId: z.string().max(40) }) },
  responses: {
    200: json(z.object({ document: DossierDocument }), 'Checked.'),
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});
const trackRoute = createRoute({
  method: 'get',
  path: '/api/public/track',
  tags: ['Catalog'],
  summary: 'Public tracking by dossier code and the key printed on the receipt',
  request: { query: z.object({ code: z.string().optional(), key: z.string().optional() }) },
  responses: { 200: json(Tracked, 'Where the dossier is.'), ...errorResponses(400, 404, 429) },
});

export function dossierRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const scope = (c: { get: AppEnvGetter }) => ({
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
  });
  app.openapi(listProceduresRoute, async (c) => {
    const rows = await listProcedures(scope(c));
    return c.json(
      {
        procedures: rows.map(({ version, document: d }) => ({
          code: d.code,
          version,
          name: d.name,
          sector: d.sector,
          onlineLevel: d.onlineLevel,
          legacyLevel: legacyLevel(d.onlineLevel),
          processingTime: d.processingTime,
          feeFrom: d.fees.filter((f) => !f.showWhen).reduce((sum, f) => sum + f.amount, 0),
        })),
      },
      200,
    );
  });
  app.openapi(getProcedureRoute, async (c) => {
    const { versionId, version, document } = await getProcedure(scope(c), c.req.valid('param').code);
    return c.json({ versionId, version, document: document as unknown as Record<string, unknown> }, 200);
  });
  app.openapi(templateRoute, async (c) => {
    const { code, file } = c.req.valid('param');
    const scoped = scope(c);
    const opened = await openProcedureTemplate(
      scoped,
      c.get('deps').storage.forTenant(scoped.slug),
      code,
      file,
    );
    c.header('Content-Type', opened.contentType);
    c.header('Content-Length', String(opened.sizeBytes));
    c.header('Content-Disposition', `attachment; filename="${opened.file}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(Readable.toWeb(opened.body) as ReadableStream, 200);
  });
  app.openapi(saveRoute, async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const saved = await saveDossier(
      await actorContext(c),
      c.req.valid('json'),
      key ? { idempotencyKey: key } : {},
    );
    return c.json(saved, saved.dossier.state === 'draft' ? 200 : 201);
  });
  app.openapi(listRoute, async (c) => {
    const ctx = await actorContext(c);
    const list =
      ctx.actor.kind === 'citizen' ? await listMyDossiers(ctx) : await listQueue(ctx, c.req.valid('query'));
    return c.json({ dossiers: list }, 200);
  });
  app.openapi(getRoute, async (c) =>
    c.json(await getDossier(await actorContext(c), c.req.valid('param').id), 200),
  );
  app.openapi(actRoute, async (c) => {
    const { id, action } = c.req.valid('param');
    const { input, expectedRevision } = c.req.valid('json');
    const dossier = await actOnDossier(await actorContext(c), {
      dossierId: id,
      action: action.replaceAll('-', '_') as (typeof dossierActions)[number],
      input: input ?? {},
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
    });
    return c.json({ dossier }, 200);
  });
  app.openapi(startUploadRoute, async (c) => {
    const ctx = await actorContext(c);
    const storage = c.get('deps').storage.forTenant(ctx.slug);
    const limits = c.get('deps').uploadLimits;
    return c.json(await startUpload(ctx, storage, c.req.valid('param').id, c.req.valid('json'), limits), 201);
  });
  app.openapi(verifyUploadRoute, async (c) => {
    const ctx = await actorContext(c);
    const { id, documentId } = c.req.valid('param');
    const document = await verifyUpload(ctx, c.get('deps').storage.forTenant(ctx.slug), id, documentId);
    return c.json({ document }, 200);
  });
  app.openapi(trackRoute, async (c) =>
    c.json(
      await trackDossier(
        { ...scope(c), ...(c.env.clientIp ? { ip: c.env.clientIp } : {}) },
        c.req.valid('query'),
      ),
      200,
    ),
  );
  return app;
}

type AppEnvGetter = <K extends 'deps' | 'tenant'>(key: K) => AppEnv['Variables'][K];
