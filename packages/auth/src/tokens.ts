// Random identifiers and secrets, and the hashing that lets us store only a digest of them.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Lower-case base32 without padding: the alphabet of every id and secret this package makes. */
export const base32Pattern = /^[a-z2-7]+$/;

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** `bytes` random bytes as lower-case base32 (8 characters per 5 bytes). */
export function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/** 120 bits: an identifier that is looked up, never guessed into meaning. 24 characters. */
export function generateId(): string {
  return randomBase32(15);
}

/** 160 bits: the part of a token that proves possession. 32 characters. */
export function generateSecret(): string {
  return randomBase32(20);
}

/** SHA-256 of a high-entropy secret. Passwords need {@link hashPassword} instead. */
export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Compares two byte strings in time that depends only on their length. */
export { constantTimeEqual } from '@oslojs/crypto/subtle';
