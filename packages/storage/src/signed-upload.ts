// The server's own upload to a signed URL (the pages that work without JavaScript post the file
// to the API, which then does what a browser script would): the same timeouts as the S3
// client, and the same error when storage is away.
import { StorageUnavailableError, unavailableReason } from './errors.ts';

export interface SignedUpload {
  method: 'PUT';
  url: string;
  headers: Record<string, string>;
}

export async function sendToSignedUrl(
  timeouts: { connectMs: number; requestMs: number },
  upload: SignedUpload,
  body: Uint8Array,
): Promise<void> {
  const allowance = timeouts.connectMs + timeouts.requestMs + Math.ceil(body.byteLength / 2 ** 20) * 1000;
  let response: Response;
  try {
    response = await fetch(upload.url, {
      method: upload.method,
      headers: upload.headers,
      body,
      signal: AbortSignal.timeout(allowance),
    });
  } catch (error) {
    throw new StorageUnavailableError(unavailableReason(error) ?? 'no answer', { cause: error });
  }
  await response.body?.cancel();
  if (response.status >= 500) throw new StorageUnavailableError(`HTTP ${response.status}`);
  // A refusal of a URL we signed moments ago is our fault, not the client's.
  if (!response.ok) throw new Error(`Storage refused the upload with HTTP ${response.status}.`);
}
