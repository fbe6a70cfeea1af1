// The agency console's catalog API: procedure drafts, publishing and withdrawal, and the
// agency's own calendar days. Admins only (settings.manage), checked in the verbs.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  listCalendarOverrides,
  listManagedProcedures,
  maxTemplateBytes,
  publishProcedure,
  removeCalendarOverride,
  saveProcedureDraft,
  setCalendarOverride,
  uploadProcedureTemplate,
  withdrawProcedure,
} from '@motcua/engine';
import type { AppEnv } from '../../context.ts';
import { allowBody, documentBodyBytes } from '../../middleware/body-limit.ts';
import { staffContext } from '../admin/actor.ts';
import { TemplateParams } from '../dossiers/schema.ts';
import { body, json } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';

const tags = ['Agency console'];
const Code = z.object({ code: z.string().max(80).openapi({ example: '1.001193.H48' }) });
const DateParam = z.object({ date: z.string().max(10).openapi({ example: '2026-09-03' }) });
const Problems = z.array(z.object({ path: z.string(), message: z.string() }));
const Managed = z
  .object({
    code: z.string(),
    status: z.enum(['draft', 'published', 'withdrawn']),
    currentVersion: z.number().int().nullable(),
    unpublishedChanges: z.boolean(),
    draftProblems: Problems,
    updatedAt: z.string(),
  })
  .openapi('ManagedProcedure');
const Override = z
  .object({ date: z.string(), kind: z.enum(['off', 'working']), name: z.string() })
  .openapi('CalendarOverride');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/admin/procedures',
    tags,
    summary: 'Every procedure of the agency, with its draft’s state',
    responses: {
      200: json(z.object({ procedures: z.array(Managed) }), 'Procedures.'),
      ...errorResponses(401, 403),
    },
  }),
  saveDraft: createRoute({
    method: 'put',
    path: '/api/admin/procedures/{code}/draft',
    tags,
    summary: 'Save a procedure’s draft (the live version is untouched); answers what publishing would refuse',
    middleware: allowBody({ maxBytes: documentBodyBytes }),
    request: {
      params: Code,
      ...body(z.object({ draft: z.record(z.string(), z.unknown()) }).openapi('ProcedureDraft')),
    },
    responses: {
      200: json(z.object({ code: z.string(), draftProblems: Problems }), 'Saved.'),
      ...errorResponses(400, 401, 403),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/api/admin/procedures/{code}/publish',
    tags,
    summary:
      'Publish the draft as the next immutable version; dossiers keep the version they were filed under',
    request: { params: Code },
    responses: {
      200: json(
        z.object({ code: z.string(), version: z.number().int(), versionId: z.string() }),
        'Published.',
      ),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  withdraw: createRoute({
    method: 'post',
    path: '/api/admin/procedures/{code}/withdraw',
    tags,
    summary: 'Stop new filings under a procedure; dossiers already filed go on',
    request: { params: Code },
    responses: {
      200: json(z.object({ code: z.string(), status: z.literal('withdrawn') }), 'Withdrawn.'),
      ...errorResponses(401, 403, 404),
    },
  }),
  calendar: createRoute({
    method: 'get',
    path: '/api/admin/calendar',
    tags,
    summary: 'The agency’s own days off and working days over the national calendar',
    responses: {
      200: json(z.object({ overrides: z.array(Override) }), 'Overrides.'),
      ...errorResponses(401, 403),
    },
  }),
  setDay: createRoute({
    method: 'put',
    path: '/api/admin/calendar/{date}',
    tags,
    summary: 'Declare a day off or a working day',
    request: {
      params: DateParam,
      ...body(z.object({ kind: z.enum(['off', 'working']), name: z.string() }).openapi('CalendarDay')),
    },
    responses: { 200: json(Override, 'Saved.'), ...errorResponses(400, 401, 403) },
  }),
  uploadTemplate: createRoute({
    method: 'put',
    path: '/api/admin/procedures/{code}/templates/{file}',
    tags,
    summary: 'Upload the downloadable template a procedure names in documents[].templateFile (≤ 5 MiB)',
    request: {
      params: TemplateParams,
      body: {
        required: true,
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
    responses: {
      200: json(
        z.object({
          code: z.string(),
          file: z.string(),
          contentType: z.string(),
          sizeBytes: z.number().int(),
        }),
        'Stored.',
      ),
      ...errorResponses(400, 401, 403, 404, 413, 503),
    },
  }),
  removeDay: createRoute({
    method: 'delete',
    path: '/api/admin/calendar/{date}',
    tags,
    summary: 'Go back to the national calendar for a day',
    request: { params: DateParam },
    responses: { 200: json(z.object({ removed: z.boolean() }), 'Done.'), ...errorResponses(400, 401, 403) },
  }),
};

export function catalogAdminRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(routes.list, async (c) =>
    c.json({ procedures: await listManagedProcedures(await staffContext(c)) }, 200),
  );
  app.openapi(routes.saveDraft, async (c) =>
    c.json(
      await saveProcedureDraft(await staffContext(c), c.req.valid('param').code, c.req.valid('json').draft),
      200,
    ),
  );
  app.openapi(routes.publish, async (c) =>
    c.json(await publishProcedure(await staffContext(c), c.req.valid('param').code), 200),
  );
  app.openapi(routes.withdraw, async (c) =>
    c.json(await withdrawProcedure(await staffContext(c), c.req.valid('param').code), 200),
  );
  app.openapi(routes.calendar, async (c) =>
    c.json({ overrides: await listCalendarOverrides(await staffContext(c)) }, 200),
  );
  app.openapi(routes.setDay, async (c) =>
    c.json(
      await setCalendarOverride(await staffContext(c), c.req.valid('param').date, c.req.valid('json')),
      200,
    ),
  );
  app.use('/api/admin/procedures/:code/templates/:file', allowBody({ maxBytes: maxTemplateBytes }));
  app.openapi(routes.uploadTemplate, async (c) => {
    const ctx = await staffContext(c);
    const { code, file } = c.req.valid('param');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(
      await uploadProcedureTemplate(ctx, c.get('deps').storage.forTenant(ctx.slug), code, file, bytes),
      200,
    );
  });
  app.openapi(routes.removeDay, async (c) =>
    c.json(await removeCalendarOverride(await staffContext(c), c.req.valid('param').date), 200),
  );
  return app;
}
