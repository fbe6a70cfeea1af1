// File names in Content-Disposition (RFC 6266): a quoted ASCII name every client understands,
// and for downloads the exact UTF-8 name as `filename*` (RFC 5987), which browsers prefer. A
// citizen's file is named in Vietnamese more often than not.
import { toAsciiFileName } from '@motcua/engine';

/** RFC 5987 `value-chars`: percent-encoded UTF-8, leaving only `attr-char` bare. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value.normalize('NFC')).replaceAll(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The name made plain ASCII, keeping its extension apart so `€.pdf` still ends in `.pdf`. */
export function asciiFallback(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? toAsciiFileName(fileName.slice(dot + 1)) : '';
  const base = toAsciiFileName(dot > 0 ? fileName.slice(0, dot) : fileName) || 'file';
  return extension ? `${base}.${extension}` : base;
}

export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** For a PDF the browser shows itself; the engine's form names are ASCII already. */
export function inlineDisposition(fileName: string): string {
  return `inline; filename="${asciiFallback(fileName)}"`;
}
