// The launcher's S3 server takes the checkout's own keys: unsigned requests and s3rver's
// well-known key are refused, and its objects stay in a directory only this user may enter.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startS3 } from './s3.ts';

const scratch = mkdtempSync(join(tmpdir(), 'motcua-s3-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A version 4 signed request as far as s3rver looks at one: the access key id. */
function signedBy(accessKeyId: string): Record<string, string> {
  const now = new Date().toISOString().replace(/[-:]|\.\d+/g, ''); // 20260101T000000Z
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${now.slice(0, 8)}/ap-southeast-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`,
    'x-amz-date': now,
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
  };
}

describe('startS3 with the checkout’s credentials', () => {
  it('refuses unsigned requests and the well-known key, serves its own key, keeps its directory private', async () => {
    const dir = join(scratch, 's3');
    const s3 = await startS3({
      dir,
      credentials: { accessKeyId: 'MOTCUATESTKEY0000001', secretAccessKey: 'not-checked-by-s3rver' },
    });
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect((await fetch(`${s3.endpoint}/`)).status).toBe(403);
      const wellKnown = await fetch(`${s3.endpoint}/`, { headers: signedBy('S3RVER') });
      expect(wellKnown.status).toBe(403);
      expect(await wellKnown.text()).toContain('InvalidAccessKeyId');
      expect((await fetch(`${s3.endpoint}/`, { headers: signedBy(s3.accessKeyId) })).status).toBe(200);
      // A browser's CORS preflight before a presigned upload carries no credentials: s3rver's
      // own CORS rules answer it, not the signature check.
      const preflight = await fetch(`${s3.endpoint}/bucket/key`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT' },
      });
      expect(await preflight.text()).not.toContain('Requests must be signed.');
    } finally {
      await s3.stop();
    }
  });
});
