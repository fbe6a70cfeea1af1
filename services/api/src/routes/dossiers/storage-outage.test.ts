// Document storage away, with a real S3 server of this file's own: stopped (connections refused)
// and then replaced by a server that accepts connections and never answers. Every operation that
// needs storage answers 503 with Retry-After and the error shape, and changes none of the
// agency's rows; /readyz names storage; once the S3 server is back on its port, the same requests
// work without a restart. The API also starts while S3 is down and becomes ready when it returns.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, dossierDocuments, procedureTemplates, settings } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { freePort, type RunningS3, startS3 } from '@motcua/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../app.ts';
import { apiEnvSchema } from '../../env.ts';
import { createLogger } from '../../logger.ts';
import { closeDeps, createDeps } from '../../server.ts';
import { readJson, testDomain, useTestApp } from '../../testing.ts';
import { documentsClient, makePerson, pdf, type Who } from '../../testing-documents.ts';

const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'motcua-outage-s3-'));
let s3: RunningS3 | undefined;
const startOwnS3 = async () => {
  s3 = await startS3({ dir, port });
};
const stopOwnS3 = async () => {
  await s3?.stop();
  s3 = undefined;
};
beforeAll(startOwnS3);
afterAll(async () => {
  await stopOwnS3();
  rmSync(dir, { recursive: true, force: true });
});

const storageEnv = {
  S3_ENDPOINT: `http://127.0.0.1:${port}`,
  S3_BUCKET: 'motcua-outage-test',
  S3_CONNECT_TIMEOUT_MS: '300',
  S3_REQUEST_TIMEOUT_MS: '300',
};
const t = useTestApp({ env: storageEnv });
const { call, draft, declare, uploaded, verify, download } = documentsClient(t);

const templateCode = '1.000032.H48';
const templateFile = 'mau-to-khai.docx';
const docx = Buffer.from('PK\u0003\u0004 tờ khai mẫu');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR'),
]);

let slug: TenantSlug;
let citizen: Who;
let admin: Who;
const world = { dossierId: '', pendingId: '', checkedId: '' };

function raw(who: Who, path: string, method: string, body: RequestInit['body'], contentType?: string) {
  const host = `${who.slug}.${testDomain}`;
  return t.request(path, {
    host,
    method,
    headers: {
      origin: `http://${host}`,
      cookie: who.cookie,
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    body,
  });
}
const putTemplate = () =>
  raw(
    admin,
    `/api/admin/procedures/${templateCode}/templates/${templateFile}`,
    'PUT',
    docx,
    'application/octet-stream',
  );
const getTemplate = () =>
  t.request(`/api/procedures/${templateCode}/templates/${templateFile}`, { host: `${slug}.${testDomain}` });
const postLogo = () => {
  const form = new FormData();
  form.set('logo', new File([png], 'logo.png', { type: 'image/png' }));
  return raw(admin, '/console/branding/logo', 'POST', form);
};
const readyz = () => t.request('/readyz');

/** Everything of the agency the operations above could change. */
const snapshot = () =>
  withTenant(t.deps.database, slug, async (db) => ({
    documents: await db.select().from(dossierDocuments),
    templates: await db.select().from(procedureTemplates),
    settings: await db.select().from(settings),
    audit: (await db.select({ id: auditLog.id }).from(auditLog)).length,
  }));

/** Every storage-backed operation, each expected to answer 503 while storage is away. */
async function expectAllUnavailable() {
  const operations: [string, () => Promise<Response>][] = [
    ['declare', () => declare(citizen, world.dossierId, pdf.byteLength)],
    ['verify', () => verify(citizen, world.dossierId, world.pendingId)],
    ['download', () => download(citizen, world.dossierId, world.checkedId)],
    ['template upload', putTemplate],
    ['template download', getTemplate],
    ['logo upload', postLogo],
    ['logo', () => t.request('/assets/logo', { host: `${slug}.${testDomain}` })],
  ];
  for (const [name, operation] of operations) {
    const res = await operation();
    expect(res.status, name).toBe(503);
    expect(Number(res.headers.get('retry-after')), name).toBeGreaterThan(0);
    if (res.headers.get('content-type')?.includes('json')) {
      expect((await readJson(res)).error, name).toMatchObject({ code: 'storage_unavailable' });
    }
  }
}

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  await withTenant(t.deps.database, slug, (db) => publishVersion(db, testProcedureWithDocument, 'test'));
  citizen = await makePerson(t, slug, 'citizen');
  admin = await makePerson(t, slug, 'admin');
  world.dossierId = await draft(citizen, testProcedureWithDocument.code);
  world.pendingId = (await uploaded(citizen, world.dossierId, pdf)).id;
  const checked = await uploaded(citizen, world.dossierId, pdf);
  expect((await verify(citizen, world.dossierId, checked.id)).status).toBe(200);
  world.checkedId = checked.id;
  const document = {
    id: 'to_khai',
    name: { vi: 'Tờ khai', en: 'Declaration' },
    required: true,
    copies: { originals: 1, copies: 0 },
    templateFile,
    acceptedTypes: ['pdf'],
    maxSizeBytes: 1_000_000,
  };
  const draftSaved = await call(admin, `/api/admin/procedures/${templateCode}/draft`, {
    method: 'PUT',
    body: { draft: { ...testProcedure, code: templateCode, documents: [document] } },
  });
  expect(draftSaved.status).toBe(200);
  expect((await putTemplate()).status).toBe(200);
  expect((await call(admin, `/api/admin/procedures/${templateCode}/publish`, { body: {} })).status).toBe(200);
  expect((await postLogo()).status).toBe(303);
});

describe('document storage away', () => {
  it('answers 503 for every operation while the S3 server is stopped, and changes nothing', async () => {
    expect((await readyz()).status).toBe(200);
    await stopOwnS3();
    const before = await snapshot();
    await expectAllUnavailable();
    expect(await snapshot()).toEqual(before);

    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(await readJson(ready)).toMatchObject({
      status: 'unavailable',
      checks: { database: 'ok', storage: 'unavailable' },
      error: { code: 'storage_unreachable', details: [{ dependency: 'storage', reason: 'ECONNREFUSED' }] },
    });
    expect(t.logLines.some((line) => line.includes('document storage unavailable'))).toBe(true);
  });

  it('answers 503 the same when the server accepts connections and never answers', async () => {
    const sockets = new Set<Socket>();
    let accepted = 0;
    const stalled = createServer((socket) => {
      accepted += 1;
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => stalled.listen(port, '127.0.0.1', resolve));
    try {
      const before = await snapshot();
      await expectAllUnavailable();
      expect(await snapshot()).toEqual(before);
      expect(accepted).toBeGreaterThan(0);
      expect(await readJson(await readyz())).toMatchObject({
        checks: { storage: 'unavailable' },
        error: { details: [{ dependency: 'storage', reason: 'timeout' }] },
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });

  it('serves again, without a restart, once the S3 server is back on its port', async () => {
    await startOwnS3();
    await expect.poll(async () => (await readyz()).status, { timeout: 20_000, interval: 100 }).toBe(200);
    const checked = await download(citizen, world.dossierId, world.checkedId);
    expect(checked.status).toBe(200);
    expect(Buffer.from(await checked.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await verify(citizen, world.dossierId, world.pendingId)).status).toBe(200);
    expect((await declare(citizen, world.dossierId, pdf.byteLength)).status).toBe(201);
    expect((await getTemplate()).status).toBe(200);
    expect((await putTemplate()).status).toBe(200);
    expect((await postLogo()).status).toBe(303);
  });
});

describe('starting while S3 is down', () => {
  it('starts, reports storage not ready on /readyz, and becomes ready (bucket created) when S3 returns', async () => {
    await stopOwnS3();
    const { databaseUrl } = inject('motcua');
    const env = apiEnvSchema.parse({
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: '2',
      PLATFORM_DOMAIN: testDomain,
      MOTCUA_OPS_TOKEN: 'outage-test-token-0123456789abcdef',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      ...storageEnv,
      S3_BUCKET: 'motcua-created-late',
      LOG_LEVEL: 'silent',
    });
    const lines: string[] = [];
    const deps = await createDeps(
      env,
      createLogger('warn', (line) => lines.push(line)),
    );
    try {
      const app = createApp(deps);
      const get = (path: string) => app.fetch(new Request(`http://${testDomain}${path}`));
      const notReady = await get('/readyz');
      expect(notReady.status).toBe(503);
      const body = await readJson(notReady);
      expect(body.error.details).toEqual([{ dependency: 'storage', reason: 'ECONNREFUSED' }]);
      expect(JSON.stringify(body)).not.toContain(String(port));
      expect((await get('/healthz')).status).toBe(200);
      expect(lines.some((line) => line.includes('document storage is not reachable'))).toBe(true);

      await startOwnS3();
      await expect
        .poll(async () => (await get('/readyz')).status, { timeout: 20_000, interval: 100 })
        .toBe(200);
      await deps.storage.check();
      expect(lines.some((line) => line.includes('document storage is reachable again'))).toBe(true);
    } finally {
      await closeDeps(deps);
      deps.storage.client.destroy();
    }
  });
});
