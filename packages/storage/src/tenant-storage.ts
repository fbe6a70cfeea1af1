// A tenant-scoped view of the bucket: callers name keys relative to the tenant's prefix and
// can neither name nor list nor delete anything outside it.
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  type CheckedRecord,
  type CheckedStream,
  type Inspection,
  inspectObject,
  openChecked,
  readChecked,
} from './checked-read.ts';
import { isNotFound } from './errors.ts';
import { assertRelativeKey, tenantPrefix } from './keys.ts';
import { type SignedUpload, sendToSignedUrl } from './signed-upload.ts';
import type { S3Call } from './storage.ts';

export interface StoredObject {
  /** Relative to the tenant's prefix, as given to `put`. */
  key: string;
  size: number;
  lastModified?: Date;
}

export interface ListOptions {
  /** Keys per list request; S3 caps it at 1,000. Tests lower it to exercise paging. */
  pageSize?: number;
  /** Only keys that start with this (relative to the tenant's prefix), e.g. `uploads/`. */
  under?: string;
}

export interface TenantStorage {
  readonly slug: string;
  /** `tenants/<slug>/` */
  readonly prefix: string;
  put(key: string, body: string | Uint8Array, contentType?: string): Promise<void>;
  /** The whole object, or `undefined` when there is none under that key. */
  get(key: string): Promise<Buffer | undefined>;
  /** The object as a stream, or `undefined` when there is none under that key. */
  getStream(key: string): Promise<Readable | undefined>;
  /**
   * A URL the browser PUTs one file to, straight to storage, valid for `expiresInSeconds`; the
   * signature covers the content type and length, so the upload cannot be swapped for another.
   */
  presignPut(
    key: string,
    options: { contentType: string; contentLength: number; expiresInSeconds: number },
  ): Promise<string>;
  /** The object's size, or `undefined` when there is none under that key. */
  head(key: string): Promise<{ size: number } | undefined>;
  delete(key: string): Promise<void>;
  /** A server-side copy; `false` when there is nothing under `from`. */
  copy(from: string, to: string): Promise<boolean>;
  /**
   * Reads the object once, without keeping it: its size, SHA-256, first bytes and ETag. Stops
   * reading past `maxBytes` (then `tooLarge`). `undefined` when there is none under that key.
   */
  inspect(key: string, options: { maxBytes: number }): Promise<Inspection | undefined>;
  /**
   * The object, only if it is still the one recorded (size and SHA-256); otherwise an
   * {@link ObjectIntegrityError}. Read once to check, then streamed from the same version.
   */
  openChecked(key: string, recorded: CheckedRecord): Promise<CheckedStream | undefined>;
  /** The same for a small object, read once into memory. */
  readChecked(key: string, recorded: CheckedRecord): Promise<Buffer | undefined>;
  /** PUTs a body to a URL from {@link presignPut}, as a browser would, with the storage's timeouts. */
  sendUpload(upload: SignedUpload, body: Uint8Array): Promise<void>;
  /** One request to the bucket: throws {@link StorageUnavailableError} unless storage answers. */
  check(): Promise<void>;
  /** Every object of the tenant, page by page. */
  list(options?: ListOptions): AsyncIterable<StoredObject>;
  /** Deletes every object of the tenant in batches; returns how many were deleted. */
  deleteAll(options?: ListOptions): Promise<number>;
}

const maxPageSize = 1000;

export interface S3Access {
  client: S3Client;
  bucket: string;
  run: S3Call;
  timeouts: { connectMs: number; requestMs: number };
}

export function createTenantStorage(s3: S3Access, slug: string): TenantStorage {
  const { client, bucket, run } = s3;
  const prefix = tenantPrefix(slug);
  const fullKey = (key: string) => {
    assertRelativeKey(key);
    return prefix + key;
  };

  async function presignPut(
    key: string,
    options: { contentType: string; contentLength: number; expiresInSeconds: number },
  ): Promise<string> {
    const command = new PutObjectCommand({
      Bucket: bucket,
      Key: fullKey(key),
      ContentType: options.contentType,
      ContentLength: options.contentLength,
    });
    return getSignedUrl(client, command, {
      expiresIn: options.expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
  }

  async function head(key: string): Promise<{ size: number } | undefined> {
    try {
      const result = await run((o) =>
        client.send(new HeadObjectCommand({ Bucket: bucket, Key: fullKey(key) }), o),
      );
      return { size: result.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  const getObject = (key: string, ifMatch?: string) =>
    run((o) =>
      client.send(
        new GetObjectCommand({ Bucket: bucket, Key: fullKey(key), ...(ifMatch ? { IfMatch: ifMatch } : {}) }),
        o,
      ),
    );

  async function getBody(key: string): Promise<Readable | undefined> {
    try {
      return (await getObject(key)).Body as Readable;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  // ListObjects (v1) with a marker rather than v2 with a continuation token: s3rver encrypts
  // v2 tokens with DES, which OpenSSL 3 (Node ≥ 17) no longer offers, so any truncated v2
  // listing fails there. Real S3 serves v1 too, and the marker is simply the last key seen.
  async function listPage(pageSize: number, marker?: string, under = '') {
    if (under) assertRelativeKey(under.endsWith('/') ? `${under}x` : under);
    const page = await run((o) =>
      client.send(
        new ListObjectsCommand({
          Bucket: bucket,
          Prefix: prefix + under,
          MaxKeys: Math.min(Math.max(1, pageSize), maxPageSize),
          ...(marker ? { Marker: marker } : {}),
        }),
        o,
      ),
    );
    const contents = page.Contents ?? [];
    const objects: StoredObject[] = contents.flatMap((item) =>
      item.Key?.startsWith(prefix + under)
        ? [
            {
              key: item.Key.slice(prefix.length),
              size: item.Size ?? 0,
              ...(item.LastModified ? { lastModified: item.LastModified } : {}),
            },
          ]
        : [],
    );
    const last = contents.at(-1)?.Key;
    return { objects, next: page.IsTruncated && last ? last : undefined };
  }

  return {
    slug,
    prefix,
    presignPut,
    head,
    async delete(key) {
      await run((o) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: fullKey(key) }), o));
    },
    async copy(from, to) {
      // The source is named `bucket/key`, URL-encoded with its slashes kept.
      const source = encodeURI(`${bucket}/${fullKey(from)}`);
      try {
        await run((o) =>
          client.send(new CopyObjectCommand({ Bucket: bucket, Key: fullKey(to), CopySource: source }), o),
        );
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    inspect: (key, options) => inspectObject(getObject, key, options.maxBytes),
    openChecked: (key, recorded) => openChecked(getObject, key, recorded),
    readChecked: (key, recorded) => readChecked(getObject, key, recorded),
    sendUpload: (upload, body) => sendToSignedUrl(s3.timeouts, upload, body),
    async check() {
      await run((o) => client.send(new HeadBucketCommand({ Bucket: bucket }), o));
    },
    async put(key, body, contentType) {
      const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      await run(
        (o) =>
          client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: fullKey(key),
              Body: body,
              ContentLength: length,
              ContentType: contentType ?? 'application/octet-stream',
            }),
            o,
          ),
        length,
      );
    },
    async get(key) {
      const body = await getBody(key);
      if (!body) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    },
    getStream: getBody,
    async *list({ pageSize = maxPageSize, under } = {}) {
      let marker: string | undefined;
      do {
        const page = await listPage(pageSize, marker, under);
        yield* page.objects;
        marker = page.next;
      } while (marker);
    },
    async deleteAll({ pageSize = maxPageSize } = {}) {
      let deleted = 0;
      let previous = new Set<string>();
      // Each round lists from the start, so no page depends on objects already deleted.
      for (;;) {
        const { objects: page } = await listPage(pageSize);
        if (page.length === 0) return deleted;
        // A server that reports success without deleting would otherwise loop forever.
        if (page.some((o) => previous.has(o.key))) {
          throw new Error(`Objects of tenant ${slug} are still listed after they were deleted.`);
        }
        previous = new Set(page.map((o) => o.key));
        const result = await run((o) =>
          client.send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: page.map((item) => ({ Key: prefix + item.key })), Quiet: true },
            }),
            o,
          ),
        );
        const failed = result.Errors ?? [];
        if (failed.length > 0) {
          const sample = failed[0];
          throw new Error(
            `Could not delete ${failed.length} object(s) of tenant ${slug}: ${sample?.Code ?? 'error'} ${sample?.Message ?? ''}`.trim(),
          );
        }
        deleted += page.length;
      }
    },
  };
}
