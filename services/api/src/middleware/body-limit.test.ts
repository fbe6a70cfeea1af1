import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TenantSlug } from '@motcua/db';
import { createTestTenant } from '@motcua/db/testing';
import { MAX_DOCUMENT_BYTES } from '@motcua/domain';
import { maxTemplateBytes } from '@motcua/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantFingerprint } from '../security-cases.ts';
import { readJson, testDomain, useTestApp } from '../testing.ts';
import { defaultBodyBytes, documentBodyBytes, jsonDepth, maxJsonDepth } from './body-limit.ts';

const t = useTestApp();
let slug: TenantSlug;
let server: ReturnType<typeof serve>;
let port: number;
const host = () => `${slug}.${testDomain}`;
const mib = 1024 * 1024;

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  // A real HTTP server in front of the app: Content-Length, chunked bodies and the socket are real.
  server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Sent {
  status: number;
  body: string;
  /** Bytes of the body the client had handed to the socket when the exchange ended. */
  sentBytes: number;
}

/**
 * POSTs to the real server. With `contentLength` the header announces that many bytes and none
 * are sent unless the server asks for them; without it the body is chunked and produced as
 * fast as the socket takes it, up to `totalBytes`, until the server answers.
 */
function post(path: string, options: { contentLength?: number; totalBytes: number }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const headers: Record<string, string> = { host: host(), 'content-type': 'application/json' };
    if (options.contentLength !== undefined) headers['content-length'] = String(options.contentLength);
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sentBytes });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (options.contentLength !== undefined) {
      req.flushHeaders();
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && !req.destroyed && sentBytes < options.totalBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

describe('request body limits', () => {
  it('answers an announced 100 MB sign-in with 413 before a byte of it is sent, and changes nothing', async () => {
    const before = await tenantFingerprint(t, slug);
    const res = await post('/api/auth/sign-in', { contentLength: 100 * mib, totalBytes: 0 });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      error: {
        code: 'payload_too_large',
        message: `The request body is larger than ${defaultBodyBytes} bytes.`,
      },
    });
    expect(res.sentBytes).toBe(0);
    expect(await tenantFingerprint(t, slug)).toEqual(before);
  });

  it('cuts a 100 MB chunked sign-in off with 413 without reading it all, and changes nothing', async () => {
    const before = await tenantFingerprint(t, slug);
    const rssBefore = process.memoryUsage().rss;
    const res = await post('/api/auth/sign-in', { totalBytes: 100 * mib });
    const rssAfter = process.memoryUsage().rss;
    // A figure for the report, not an assertion: memory depends on the machine and the collector.
    console.info(
      `100 MB chunked sign-in: ${res.status}; client had sent ${(res.sentBytes / mib).toFixed(1)} MiB; ` +
        `test process RSS ${(rssBefore / mib).toFixed(0)} → ${(rssAfter / mib).toFixed(0)} MiB`,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large');
    expect(res.sentBytes).toBeLessThan(100 * mib);
    expect(await tenantFingerprint(t, slug)).toEqual(before);
  });

  it('refuses an over-limit body sent in-process too, with and without Content-Length', async () => {
    const big = JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(defaultBodyBytes) });
    const withLength = await t.request('/api/auth/sign-in', {
      host: host(),
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(withLength.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await t.request('/api/auth/sign-in', {
      host: host(),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await readJson(streamed)).error.code).toBe('payload_too_large');
  });

  it('refuses JSON nested deeper than the limit with 400 before parsing it', async () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(jsonDepth(new TextEncoder().encode('{"a":"[[[{{{","b":[1,{"c":"\\"]"}]}'))).toBe(3);
    for (const levels of [maxJsonDepth + 1, 20_000]) {
      const res = await t.request('/api/auth/sign-in', {
        host: host(),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"email":${deep(levels - 1)}}`,
      });
      expect(res.status, `${levels} levels`).toBe(400);
      expect(await readJson(res)).toEqual({
        error: {
          code: 'invalid_input',
          message: 'The request is not valid.',
          details: [{ path: '', message: `JSON may nest at most ${maxJsonDepth} levels deep.` }],
        },
      });
    }
    // At the limit it is only the sign-in's own validation that refuses it.
    const atLimit = await t.request('/api/auth/sign-in', {
      host: host(),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":${deep(maxJsonDepth - 1)}}`,
    });
    expect(atLimit.status).toBe(400);
    expect((await readJson(atLimit)).error.details[0].path).toBe('email');
  });

  it.each([
    ['POST', '/api/auth/sign-in', defaultBodyBytes],
    ['POST', '/api/dossiers', documentBodyBytes],
    ['POST', '/api/dossiers/dos_x/actions/supplement', documentBodyBytes],
    ['PUT', '/api/admin/procedures/x/draft', documentBodyBytes],
    ['PUT', '/api/admin/procedures/x/templates/form.docx', maxTemplateBytes],
  ] as const)('takes at most what %s %s needs', async (method, path, limit) => {
    const send = (bytes: number) =>
      t.request(path, {
        host: host(),
        method,
        headers: { 'content-type': 'application/json' },
        body: `"${'x'.repeat(bytes - 2)}"`,
      });
    // Within its limit the body reaches the route (which then wants a valid body or a session).
    expect((await send(limit)).status).not.toBe(413);
    const over = await send(limit + 1);
    expect(over.status).toBe(413);
    expect((await readJson(over)).error.code).toBe('payload_too_large');
  });

  it.each([
    ['/dossiers/dos_x/files', MAX_DOCUMENT_BYTES + mib],
    ['/dossiers/dos_x/supplement', MAX_DOCUMENT_BYTES + mib],
    ['/console/procedures/x/fields/y', 256 * 1024],
    // (The logo's own page answers its 413: console-settings/branding.test.ts.)
  ] as const)('answers a person’s upload form %s past its limit with a page', async (path, limit) => {
    const boundary = 'fuzzboundary';
    const part = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\ncontent-type: application/pdf\r\n\r\n`;
    const end = `\r\n--${boundary}--\r\n`;
    const res = await t.request(path, {
      host: host(),
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' },
      body: `${part}${'x'.repeat(limit + 1 - part.length - end.length)}${end}`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('answers a person’s too-large form with a page', async () => {
    const res = await t.request('/sign-in', {
      host: host(),
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: `email=a&password=${'x'.repeat(defaultBodyBytes)}`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});
