// A stalled storage server must not hold the agency's database: requests waiting on storage hold
// no transaction and no pooled connection meanwhile (the pool here has two), so requests that
// need only the database are served while they wait. The S3 request timeout is long in this
// file, so that the requests are still waiting while the others are served.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TenantSlug, withTenant } from '@motcua/db';
import { dossierDocuments } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedureWithDocument } from '@motcua/engine/testing';
import { freePort, type RunningS3, startS3 } from '@motcua/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, useTestApp } from '../../testing.ts';
import { answers, documentsClient, makePerson, pdf, type Who } from '../../testing-documents.ts';

const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'motcua-stall-s3-'));
let s3: RunningS3 | undefined;
beforeAll(async () => {
  s3 = await startS3({ dir, port });
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const t = useTestApp({
  env: {
    DATABASE_POOL_MAX: '2',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: 'motcua-stall-test',
    S3_REQUEST_TIMEOUT_MS: '60000',
  },
});
const { call, draft, declare, uploaded, verify, download } = documentsClient(t);
let slug: TenantSlug;
let citizen: Who;
const pending: { dossierId: string; documentId: string }[] = [];
const checked = { dossierId: '', documentId: '' };

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  await withTenant(t.deps.database, slug, (db) => publishVersion(db, testProcedureWithDocument, 'test'));
  citizen = await makePerson(t, slug, 'citizen');
  for (let i = 0; i < 3; i += 1) {
    const dossierId = await draft(citizen, testProcedureWithDocument.code);
    pending.push({ dossierId, documentId: (await uploaded(citizen, dossierId, pdf)).id });
  }
  checked.dossierId = await draft(citizen, testProcedureWithDocument.code);
  checked.documentId = (await uploaded(citizen, checked.dossierId, pdf)).id;
  expect((await verify(citizen, checked.dossierId, checked.documentId)).status).toBe(200);
});

/** A server on the S3 port that accepts connections and never answers. */
async function stall(): Promise<{ accepted: () => number; release: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    accepted: () => sockets.size,
    // Closed first, so that the client's retry is refused rather than stalled again.
    release: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describe('a stalled storage server', () => {
  it('holds no database connection while requests wait on it', async () => {
    await s3?.stop();
    s3 = undefined;
    const stalled = await stall();
    const before = await withTenant(t.deps.database, slug, (db) => db.select().from(dossierDocuments));
    const waiting = [
      ...pending.map((p) => verify(citizen, p.dossierId, p.documentId)),
      download(citizen, checked.dossierId, checked.documentId),
      declare(citizen, checked.dossierId, pdf.byteLength),
    ];
    let settled = 0;
    for (const request of waiting) void request.finally(() => (settled += 1));
    // Every one of them has reached storage (five waiting requests, a pool of two)…
    await expect.poll(stalled.accepted, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(5);

    // …and requests that need only the database are served meanwhile.
    const list = await call(citizen, '/api/dossiers');
    expect(list.status).toBe(200);
    const saved = await call(citizen, '/api/dossiers', {
      body: { procedureCode: testProcedureWithDocument.code, dossierId: pending[0]?.dossierId, answers },
    });
    expect(saved.status).toBe(200);
    expect(settled).toBe(0);

    await stalled.release();
    const answered = await Promise.all(waiting);
    expect(answered.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    for (const res of answered) expect((await readJson(res)).error.code).toBe('storage_unavailable');
    expect(await withTenant(t.deps.database, slug, (db) => db.select().from(dossierDocuments))).toEqual(
      before,
    );
  });
});
