import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, missingSecretBox, SecretKeyError } from './secret-box.ts';

const newKey = () => randomBytes(32).toString('base64');
const purpose = 'tenant.staff_users.totp_secret';
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function errorOf(work: () => unknown): SecretKeyError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretKeyError);
    return error as SecretKeyError;
  }
  throw new Error('expected a SecretKeyError');
}

describe('createSecretBox', () => {
  it('seals a value into something else, with a fresh nonce each time, and opens it', () => {
    const box = createSecretBox({ current: newKey() });
    const first = box.seal(purpose, secret);
    const second = box.seal(purpose, secret);
    expect(first).not.toContain(secret);
    expect(first).toMatch(/^mcs1\.[\w-]{8}\.[\w-]{16}\.[\w-]+$/);
    expect(second).not.toBe(first);
    expect(box.open(purpose, first)).toEqual({ value: secret, stale: false });
    expect(isSealed(first)).toBe(true);
    expect(isSealed(secret)).toBe(false);
  });

  it('fails closed under another key, naming the variable', () => {
    const stored = createSecretBox({ current: newKey() }).seal(purpose, secret);
    const error = errorOf(() => createSecretBox({ current: newKey() }).open(purpose, stored));
    expect(error.message).toContain('MOTCUA_SECRET_KEY');
    expect(error.message).not.toContain(secret);
  });

  it('fails closed on altered bytes and on a value moved to another column', () => {
    const box = createSecretBox({ current: newKey() });
    const stored = box.seal(purpose, secret);
    // The second-to-last character: the last one may only carry padding bits of base64url.
    const flipped = `${stored.slice(0, -2)}${stored.at(-2) === 'A' ? 'B' : 'A'}${stored.slice(-1)}`;
    expect(flipped).not.toBe(stored);
    expect(errorOf(() => box.open(purpose, flipped)).message).toMatch(/altered/);
    expect(errorOf(() => box.open('platform.operators.totp_secret', stored)).message).toMatch(/altered/);
  });

  it('opens values sealed under a previous key and reports them stale', () => {
    const old = newKey();
    const stored = createSecretBox({ current: old }).seal(purpose, secret);
    const rotated = createSecretBox({ current: newKey(), previous: [old] });
    expect(rotated.open(purpose, stored)).toEqual({ value: secret, stale: true });
    const resealed = rotated.seal(purpose, secret);
    expect(rotated.open(purpose, resealed)).toEqual({ value: secret, stale: false });
  });

  it('reads a value stored in clear before sealing as stale', () => {
    expect(createSecretBox({ current: newKey() }).open(purpose, secret)).toEqual({
      value: secret,
      stale: true,
    });
  });

  it('refuses a key that is not 32 bytes of base64', () => {
    expect(errorOf(() => createSecretBox({ current: 'short' })).message).toContain('MOTCUA_SECRET_KEY');
    expect(errorOf(() => createSecretBox({ current: newKey(), previous: ['x'] })).message).toContain(
      'MOTCUA_SECRET_KEY_PREVIOUS',
    );
  });
});

describe('missingSecretBox', () => {
  it('refuses every use, naming the variable', () => {
    const box = missingSecretBox();
    expect(errorOf(() => box.seal(purpose, secret)).message).toContain('MOTCUA_SECRET_KEY is not set');
    expect(errorOf(() => box.open(purpose, secret)).message).toContain('MOTCUA_SECRET_KEY is not set');
  });
});
