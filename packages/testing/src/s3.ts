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
 * Replaces s3rver's well-known key pair in this process with `credentials`. s3rver checks the
 * access key id of every request but does not verify version 4 signatures (the AWS SDK's), so
 * the random access key id is what keeps other local programs out; the server listens on
 * loopback only.
 */
function useCredentials(credentials: S3Credentials): void {
  const require = createRequire(import.meta.url);
  const { DUMMY_ACCOUNT: account } = require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: S3rverAccount };
  account.revokeAccessKey(wellKnown.accessKeyId);
  account.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
}

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
  if (credentials) useCredentials(credentials);
  const server = new S3rver({ port, address: '127.0.0.1', directory: dir, silent: true });
  const address = await server.run();
  const keys = credentials ?? wellKnown;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    stop: () => server.close(),
  };
}
