// Test helpers (imported as `@motcua/storage/testing`, from tests only): storage on the run's
// S3 server, with a bucket of its own per call so that test files never share objects.
import { randomBytes } from 'node:crypto';
import { ListObjectsCommand } from '@aws-sdk/client-s3';
import type {} from '@motcua/testing/provided';
import { afterAll, beforeAll, inject } from 'vitest';
import { createStorage, type Storage } from '../src/storage.ts';

export function testBucketName(prefix = 'motcua-test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** Storage on the test S3 server (s3rver's fixed credentials); the bucket is created before the tests. */
export function useTestStorage(bucket = testBucketName()): Storage {
  const storage = createStorage({
    endpoint: inject('motcua').s3Endpoint,
    region: 'ap-southeast-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
  beforeAll(() => storage.ensureBucket());
  afterAll(() => storage.client.destroy());
  return storage;
}

/** Number of objects in the whole bucket, whatever their prefix. */
export async function bucketObjectCount(storage: Storage): Promise<number> {
  let count = 0;
  let marker: string | undefined;
  do {
    const page = await storage.client.send(
      new ListObjectsCommand({ Bucket: storage.bucket, ...(marker ? { Marker: marker } : {}) }),
    );
    count += page.Contents?.length ?? 0;
    marker = page.IsTruncated ? page.Contents?.at(-1)?.Key : undefined;
  } while (marker);
  return count;
}
