// A dossier on paper and its files: the printable forms of Circular 03/2025/TT-VPCP as PDF, and
// the checked files streamed from storage, for the dossier's citizen and for staff who may see
// it (staff prints and downloads are audited by the engine's verbs).
import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { openDossierDocument, printDossierForm } from '@motcua/engine';
import type { AppEnv } from '../../context.ts';
import { tenantSiteBase } from '../../tenant-mail.ts';
import { actorContext } from '../admin/actor.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';
import { attachmentDisposition, inlineDisposition } from './content-disposition.ts';
import { Binary, DocumentParams, FormParams, FormQuery } from './schema.ts';

const tags = ['Dossiers'];

const printRoute = createRoute({
  method: 'get',
  path: '/api/dossiers/{id}/forms/{form}',
  tags,
  summary:
    'The dossier printed on a form: receipt, supplement request, refusal, apology, stop notice, control slip',
  request: { params: FormParams, query: FormQuery },
  responses: {
    200: {
      description: 'An A4 PDF. A form the dossier’s history does not call for is 409 `form_not_available`.',
      content: { 'application/pdf': { schema: Binary } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/dossiers/{id}/documents/{documentId}/content',
  tags,
  summary: 'Download a checked file of the dossier (citizens: their inputs, and results once issued)',
  request: { params: DocumentParams },
  responses: {
    200: {
      description:
        'The file as uploaded, with its type as sniffed when it was checked. A stored file that no longer matches its checked size, SHA-256 and type is refused: 409 `file_altered`.',
      content: {
        'application/pdf': { schema: Binary },
        'image/jpeg': { schema: Binary },
        'image/png': { schema: Binary },
      },
    },
    ...errorResponses(401, 404, 409, 503),
  },
});

export function dossierPrintRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(printRoute, async (c) => {
    const { id, form } = c.req.valid('param');
    const printed = await printDossierForm(await actorContext(c), id, form, {
      locale: c.req.valid('query').lang,
      siteOrigin: tenantSiteBase(c),
    });
    return c.body(new Uint8Array(printed.pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': inlineDisposition(printed.fileName),
      'Content-Length': String(printed.pdf.byteLength),
      'Cache-Control': 'no-store',
    });
  });
  app.openapi(downloadRoute, async (c) => {
    const ctx = await actorContext(c);
    const { id, documentId } = c.req.valid('param');
    const file = await openDossierDocument(ctx, c.get('deps').storage.forTenant(ctx.slug), id, documentId);
    return c.body(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Content-Length': String(file.sizeBytes),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
