import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { openTenantExport } from '@motcua/provisioning';
import type { AppEnv } from '../../context.ts';
import { errorResponses, SlugParam } from './schema.ts';

export const downloadExportRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}/export',
  tags: ['Operators'],
  summary: 'Download the latest export archive of a tenant',
  request: { params: SlugParam },
  responses: {
    200: {
      description: 'A .tar.gz with manifest.json, tables/<table>.jsonl and objects/<key>.',
      content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(400, 401, 404),
  },
});

export const downloadExportHandler: RouteHandler<typeof downloadExportRoute, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const archive = await openTenantExport(c.get('deps').provisioning, slug);
  return c.body(archive.body, 200, {
    'Content-Type': 'application/gzip',
    'Content-Disposition': `attachment; filename="${archive.fileName}"`,
    ...(archive.length !== undefined ? { 'Content-Length': String(archive.length) } : {}),
  });
};
