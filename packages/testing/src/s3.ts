// A real S3-protocol server (s3rver) on loopback, for tests and the local launcher.
import { chmodSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import S3rver from 's3rver';

export interface RunningS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** s3rver's fixed development key pair, which every copy of it accepts. */
const wellKnown: S3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

interface S3rverAccount {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  revokeAccessKey(accessKeyId: string): void;
}

/**
 * Replaces s3rver's well-known key pair in this process with `credentials`. s3rver serves
 * unsigned requests as if they were signed and checks only the access key id of signed ones (it
 * does not verify version 4 signatures, the AWS SDK's): unsigned requests are refused here (but
 * CORS preflights, which carry no credentials), and the random access key id is what keeps other
 * local programs out. The server also listens on loopback only.
 */
function requireCredentials(server: S3rver, credentials: S3Credentials): void {
  const require = createRequire(import.meta.url);
  const { DUMMY_ACCOUNT: account } = require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: S3rverAccount };
  account.revokeAccessKey(wellKnown.accessKeyId);
  account.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  // s3rver is a Koa application: the check goes first in its middleware, before its routes.
  (server as unknown as { middleware: KoaMiddleware[] }).middleware.unshift(async (ctx, next) => {
    const signed =
      'authorization' in ctx.headers || 'X-Amz-Algorithm' in ctx.query || 'Signature' in ctx.query;
    if (signed || ctx.method === 'OPTIONS') return next();
    ctx.status = 403;
    ctx.type = 'application/xml';
    ctx.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Requests must be signed.</Message></Error>';
  });
}

type KoaMiddleware = (
  ctx: {
    method: string;
    headers: Record<string, unknown>;
    query: Record<string, unknown>;
    status: number;
    type: string;
    body: unknown;
  },
  next: () => Promise<void>,
) => Promise<void>;

export async function startS3({
  dir,
  port = 0,
  credentials,
}: {
  dir: string;
  port?: number;
  /** The launcher's per-checkout keys; tests use s3rver's well-known pair. */
  credentials?: S3Credentials;
}): Promise<RunningS3> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // stored documents are for this user only
  const server = new S3rver({ port, address: '127.0.0.1', directory: dir, silent: true });
  if (credentials) requireCredentials(server, credentials);
  const address = await server.run();
  const keys = credentials ?? wellKnown;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    stop: () => server.close(),
  };
}
