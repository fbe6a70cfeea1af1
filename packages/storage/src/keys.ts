// Object keys. Every key a caller passes is relative to a namespace (a tenant's prefix or
// the export area) and is checked here, so that no key can climb out of its namespace.

export class InvalidObjectKeyError extends Error {
  override name = 'InvalidObjectKeyError';
  readonly code = 'invalid_object_key';
}

/** Leaves room for the namespace prefix inside S3's 1,024-byte key limit. */
export const maxRelativeKeyBytes = 900;

// Tenant slugs as @motcua/db validates them; repeated here because storage does not depend
// on the database package, and a prefix must never be built from an unchecked string.
const slugPattern = /^[a-z][a-z0-9-]{1,30}$/;

/** C0 controls and DEL: invisible in listings and mangled by some S3 tools. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Throws {@link InvalidObjectKeyError} unless `key` is a safe key relative to a namespace. */
export function assertRelativeKey(key: unknown): asserts key is string {
  const reject = (why: string): never => {
    const shown = typeof key === 'string' ? JSON.stringify(key.slice(0, 60)) : typeof key;
    throw new InvalidObjectKeyError(`Object key ${shown} is not allowed: ${why}.`);
  };
  if (typeof key !== 'string' || key.length === 0) reject('it must be a non-empty string');
  const text = key as string;
  if (Buffer.byteLength(text, 'utf8') > maxRelativeKeyBytes)
    reject(`it exceeds ${maxRelativeKeyBytes} bytes`);
  if (text.startsWith('/')) reject('it must not start with "/"');
  if (text.includes('\\')) reject('it must not contain a backslash');
  if (hasControlCharacter(text)) reject('it must not contain control characters');
  for (const segment of text.split('/')) {
    if (segment === '..' || segment === '.') reject('it must not contain "." or ".." segments');
    if (segment === '') reject('it must not contain empty segments ("//" or a trailing "/")');
  }
}

/** `tenants/<slug>/`: the same prefix as `tenantNames(slug).storagePrefix` in @motcua/db. */
export function tenantPrefix(slug: string): string {
  if (!slugPattern.test(slug) || slug.endsWith('-') || slug.includes('--')) {
    throw new InvalidObjectKeyError(`Tenant slug ${JSON.stringify(String(slug).slice(0, 40))} is not valid.`);
  }
  return `tenants/${slug}/`;
}

export const exportsPrefix = 'exports/';

/** Export archives live under `exports/`; the key is given whole, e.g. `exports/da-nang/run_1.tar.gz`. */
export function assertExportKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !key.startsWith(exportsPrefix)) {
    throw new InvalidObjectKeyError(`Export keys must start with "${exportsPrefix}".`);
  }
  assertRelativeKey(key.slice(exportsPrefix.length));
}
