// The records clerk's signed result, posted with the page's form (no JavaScript): the server
// does what a browser script would — declares the file, PUTs it to the signed storage URL, has
// it checked — and returns its id for `issue_result`.

import { ValidationError } from '@motcua/domain';
import {
  type EngineContext,
  mediaTypes,
  sniffType,
  startUpload,
  type UploadLimits,
  verifyUpload,
} from '@motcua/engine';
import type { TenantStorage } from '@motcua/storage';

/** The result slot's limit (20 MiB) plus room for the rest of the multipart body. */
export const maxResultBodyBytes = (20 << 20) + 64 * 1024;

const noFile = () =>
  new ValidationError('Attach the signed result.', [{ path: 'file', message: 'Choose a PDF, JPEG or PNG.' }]);

export async function uploadResult(
  ctx: EngineContext,
  storage: TenantStorage,
  dossierId: string,
  file: File | undefined,
  limits: UploadLimits,
): Promise<string> {
  if (!file || file.size === 0) throw noFile();
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The type is read from the bytes, as the engine's check does, not from the browser's guess.
  const type = sniffType(bytes.subarray(0, 16));
  if (!type) throw noFile();
  const contentType = mediaTypes[type];
  const { document, upload } = await startUpload(
    ctx,
    storage,
    dossierId,
    {
      slot: 'result',
      fileName: file.name.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || `ket-qua.${type}`,
      contentType,
      sizeBytes: bytes.byteLength,
    },
    limits,
  );
  await storage.sendUpload(upload, bytes);
  await verifyUpload(ctx, storage, dossierId, document.id);
  return document.id;
}
