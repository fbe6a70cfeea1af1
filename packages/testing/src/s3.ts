// A real S3-protocol server (s3rver) on loopback, for tests and the local launcher.
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

export interface RunningS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

export async function startS3({ dir, port = 0 }: { dir: string; port?: number }): Promise<RunningS3> {
  mkdirSync(dir, { recursive: true });
  const server = new S3rver({ port, address: '127.0.0.1', directory: dir, silent: true });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    // s3rver's fixed development credentials.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    stop: () => server.close(),
  };
}
