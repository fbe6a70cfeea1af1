// What an authenticator app does (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), so that
// the scenarios can type the code a person would read off their phone.
import { createHmac } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const stepSeconds = 30;

function decodeBase32(secret: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not a base32 character: ${char}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export const totpStepAt = (now: Date) => Math.floor(now.getTime() / 1000 / stepSeconds);

export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', decodeBase32(secret)).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * An authenticator for one secret. The server refuses a step it has already accepted (replay),
 * so a second sign-in within the same 30 seconds uses the next step, which the server's one
 * step of allowed drift accepts: no waiting for the clock.
 */
export function authenticator(secret: string) {
  let lastStep = Number.NEGATIVE_INFINITY;
  return {
    next(now = new Date()): string {
      lastStep = Math.max(totpStepAt(now), lastStep + 1);
      return totpCode(secret, lastStep);
    },
  };
}
