// Secrets the platform must be able to read back (TOTP seeds, identity provider client
// secrets) are stored sealed: AES-256-GCM under MOTCUA_SECRET_KEY, with a random nonce, bound
// to the column they belong in. A stored value reads
//   mcs1.<key id>.<nonce>.<ciphertext and tag>        (base64url parts)
// where the key id names the key that sealed it, so that a new key can take over while values
// sealed under the previous one are still read (and sealed again under the new one).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const format = 'mcs1';
const keyVariable = 'MOTCUA_SECRET_KEY';

/** A stored secret could not be read or written: no key, another key, or altered bytes. Fails closed. */
export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export interface SecretKeys {
  /** Base64 of 32 random bytes: seals new values and opens values it sealed. */
  current: string;
  /** Keys rotated out: values they sealed still open, and are reported stale. */
  previous?: readonly string[];
}

export interface OpenedSecret {
  value: string;
  /** Stored in clear (from before sealing) or under a previous key: store it sealed again. */
  stale: boolean;
}

export interface SecretBox {
  /** `purpose` names the column the value belongs in; opening it elsewhere fails. */
  seal(purpose: string, plaintext: string): string;
  open(purpose: string, stored: string): OpenedSecret;
}

/** Whether a stored value is sealed (as opposed to a plaintext value from before sealing). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${format}.`);
}

function decodeKey(base64: string, variable: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) {
    throw new SecretKeyError(`${variable} must be 32 random bytes in base64 (openssl rand -base64 32).`);
  }
  return key;
}

function keyId(key: Buffer): string {
  return createHash('sha256').update('motcua secret key id\0').update(key).digest('base64url').slice(0, 8);
}

export function createSecretBox(keys: SecretKeys): SecretBox {
  const current = decodeKey(keys.current, keyVariable);
  const currentId = keyId(current);
  const byId = new Map<string, Buffer>([[currentId, current]]);
  for (const previous of keys.previous ?? []) {
    const key = decodeKey(previous, `${keyVariable}_PREVIOUS`);
    byId.set(keyId(key), key);
  }
  const aad = (id: string, purpose: string) => Buffer.from(`${format}.${id}.${purpose}`);

  return {
    seal(purpose, plaintext) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, nonce);
      cipher.setAAD(aad(currentId, purpose));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [format, currentId, nonce.toString('base64url'), sealed.toString('base64url')].join('.');
    },
    open(purpose, stored) {
      if (!isSealed(stored)) return { value: stored, stale: true };
      const [, id = '', nonce = '', sealed = ''] = stored.split('.');
      const key = byId.get(id);
      if (!key) {
        throw new SecretKeyError(
          `A stored ${purpose} was sealed with a key that is not configured: set ${keyVariable} (or ${keyVariable}_PREVIOUS) to the key it was sealed with.`,
        );
      }
      const bytes = Buffer.from(sealed, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
        decipher.setAAD(aad(id, purpose));
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        const value = Buffer.concat([
          decipher.update(bytes.subarray(0, bytes.length - 16)),
          decipher.final(),
        ]);
        return { value: value.toString('utf8'), stale: id !== currentId };
      } catch {
        throw new SecretKeyError(
          `A stored ${purpose} could not be decrypted: it was altered or belongs elsewhere.`,
        );
      }
    },
  };
}

/** The box of a process started without a key: every use fails, naming the variable. */
export function missingSecretBox(): SecretBox {
  const refuse = (): never => {
    throw new SecretKeyError(
      `${keyVariable} is not set: stored credentials (TOTP, identity provider secrets) cannot be read or written.`,
    );
  };
  return { seal: refuse, open: refuse };
}
