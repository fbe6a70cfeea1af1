import { request as httpRequest } from 'node:http';
import { testSlug } from '@motcua/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiEnvSchema } from './env.ts';
import { createLogger } from './logger.ts';
import { createDeps, type RunningServer, startServer } from './server.ts';

let server: RunningServer;
const token = 'server-test-token-0123456789abcdef';

beforeAll(async () => {
  const { databaseUrl, s3Endpoint } = inject('motcua');
  const env = apiEnvSchema.parse({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    PLATFORM_DOMAIN: 'localhost',
    MOTCUA_OPS_TOKEN: token,
    S3_ENDPOINT: s3Endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  server = await startServer(env, await createDeps(env, createLogger('silent')));
});
afterAll(() => server.close());

/** A raw HTTP request, so that the Host header is what a browser on `<slug>.localhost` sends. */
function get(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the API over real HTTP', () => {
  it('onboards through the operator API and serves the tenant on <slug>.localhost and /t/<slug>', async () => {
    const slug = testSlug('http');
    const res = await fetch(`http://127.0.0.1:${server.port}/api/ops/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug, name: 'Bộ Thử nghiệm', kind: 'ministry', adminEmail: 'qt@bo.gov.vn' }),
    });
    expect(res.status).toBe(202);
    while (server.deps.background.size > 0) await Promise.allSettled([...server.deps.background]);

    const byHost = await get('/api/tenant', `${slug}.localhost:${server.port}`);
    expect(byHost.status).toBe(200);
    expect(JSON.parse(byHost.body)).toMatchObject({ slug, kind: 'ministry', status: 'active' });
    const byPath = await get(`/t/${slug}/api/tenant`, `localhost:${server.port}`);
    expect(JSON.parse(byPath.body)).toMatchObject({ slug });
    const health = await get('/healthz', `localhost:${server.port}`);
    expect(health.status).toBe(200);
  });
});
