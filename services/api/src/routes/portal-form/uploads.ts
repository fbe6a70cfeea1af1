// The no-JavaScript upload path: the browser posts the file to us, and we do what a script would
// do in the browser, through the engine — declare the file, PUT its bytes to the signed storage
// URL, then have the engine read it back and check it. A file is only listed once it is checked.
import { ConflictError, type ProcedureVersion, ValidationError } from '@motcua/domain';
import {
  type EngineContext,
  mediaTypes,
  sniffType,
  startUpload,
  type UploadLimits,
  verifyUpload,
} from '@motcua/engine';
import type { TenantStorage } from '@motcua/storage';
import { formatBytes, type Locale, portalFormText } from '@motcua/ui';
import { cleanFileName, type UploadedFile } from './form-answers.ts';

const typeNames = { pdf: 'PDF', jpeg: 'JPG', png: 'PNG' } as const;

export interface UploadOutcome {
  file?: UploadedFile;
  error?: { documentId: string; message: string };
}

/** Why a file cannot even be declared, checked here so the person reads it in their language. */
function precheck(
  locale: Locale,
  document: ProcedureVersion['documents'][number],
  file: File,
  sniffed: keyof typeof mediaTypes | undefined,
): string | undefined {
  const say = (key: Parameters<typeof portalFormText>[1]) => portalFormText(locale, key);
  if (file.size === 0) return say('errChooseFile');
  if (!sniffed || !document.acceptedTypes.includes(sniffed)) {
    return `${say('errFileType')} ${document.acceptedTypes.map((t) => typeNames[t]).join(', ')}`;
  }
  if (file.size > document.maxSizeBytes) {
    return `${say('errFileSize')} ${formatBytes(locale, document.maxSizeBytes)}`;
  }
  return undefined;
}

/**
 * Uploads one chosen file for `documentId`. The type is taken from the file's first bytes, as the
 * engine will check it, never from the name or what the browser claims.
 */
export async function uploadFile(
  ctx: EngineContext,
  storage: TenantStorage,
  input: {
    dossierId: string;
    version: ProcedureVersion;
    documentId: string;
    file: File;
    locale: Locale;
    limits: UploadLimits;
  },
): Promise<UploadOutcome> {
  const { dossierId, documentId, file, locale, limits } = input;
  const document = input.version.documents.find((d) => d.id === documentId);
  const fail = (message: string): UploadOutcome => ({ error: { documentId, message } });
  if (!document) return fail(portalFormText(locale, 'errChooseFile'));
  const sniffed = sniffType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  const problem = precheck(locale, document, file, sniffed);
  if (problem || !sniffed) return fail(problem ?? portalFormText(locale, 'errChooseFile'));

  const fileName = cleanFileName(file.name);
  let started: Awaited<ReturnType<typeof startUpload>>;
  try {
    started = await startUpload(
      ctx,
      storage,
      dossierId,
      { slot: document.id, fileName, contentType: mediaTypes[sniffed], sizeBytes: file.size },
      limits,
    );
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'storage_quota_exceeded') {
      return fail(`${portalFormText(locale, 'errQuota')} ${formatBytes(locale, limits.citizenQuotaBytes)}`);
    }
    throw error;
  }
  await storage.sendUpload(started.upload, new Uint8Array(await file.arrayBuffer()));
  const listed = { id: started.document.id, slot: document.id, fileName, sizeBytes: file.size };
  try {
    await verifyUpload(ctx, storage, dossierId, started.document.id);
    return { file: { ...listed, status: 'verified' } };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return {
      file: { ...listed, status: 'rejected' },
      error: { documentId, message: portalFormText(locale, 'errFileRefused') },
    };
  }
}
