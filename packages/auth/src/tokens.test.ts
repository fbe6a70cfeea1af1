import { describe, expect, it } from 'vitest';
import { constantTimeEqual, generateId, generateSecret, hashSecret, randomBase32 } from './tokens.ts';

describe('tokens', () => {
  it('makes lower-case base32 without padding, of the announced strength', () => {
    expect(generateId()).toMatch(/^[a-z2-7]{24}$/);
    expect(generateSecret()).toMatch(/^[a-z2-7]{32}$/);
    expect(randomBase32(5)).toMatch(/^[a-z2-7]{8}$/);
    expect(new Set(Array.from({ length: 100 }, generateSecret)).size).toBe(100);
  });

  it('hashes with SHA-256', () => {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    expect(Buffer.from(hashSecret('abc')).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('compares bytes, including different lengths', () => {
    expect(constantTimeEqual(hashSecret('a'), hashSecret('a'))).toBe(true);
    expect(constantTimeEqual(hashSecret('a'), hashSecret('b'))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
