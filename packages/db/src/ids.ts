// Prefixed, time-sortable ids: `ten_01jq7v9x3k8m2c4r6t8w0y2a4c`.
import { randomBytes } from 'node:crypto';

export const idPrefixes = [
  'ten',
  'dom',
  'opr',
  'run',
  'aud',
  'uni',
  'usr',
  'exp',
  'sgr',
  'prc',
  'prv',
  'dos',
  'doc',
  'pay',
  'fbk',
] as const;
export type IdPrefix = (typeof idPrefixes)[number];

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    out = alphabet[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  const random = randomBytes(10);
  let tail = '';
  for (const byte of random) tail += alphabet[byte % 32];
  return `${prefix}_${encodeTime(now)}${tail}`;
}
