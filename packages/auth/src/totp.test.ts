import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { createTotpSecret, matchTotpStep, totpUri, verifyTotp } from './totp.ts';

// RFC 6238, appendix B: the SHA-1 seed "12345678901234567890". Its 8-digit codes end in the
// 6-digit codes (both are the same truncated value modulo a power of ten).
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const rfcVectors: [seconds: number, eightDigits: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP', () => {
  it('encodes the RFC seed as the test secret', () => {
    expect(new TextDecoder().decode(decodeBase32IgnorePadding(rfcSecret))).toBe('12345678901234567890');
  });

  it.each(rfcVectors)('accepts the RFC 6238 code at T=%i', (seconds, code) => {
    expect(verifyTotp(rfcSecret, code.slice(-6), at(seconds))).toBe(true);
  });

  it('accepts one step either side and nothing further', () => {
    const code = '081804'; // step 37037036, which spans 1111111080–1111111109
    const step = 37037036;
    expect(matchTotpStep(rfcSecret, code, at(1111111109))).toBe(step);
    expect(verifyTotp(rfcSecret, code, at((step - 1) * 30))).toBe(true);
    expect(verifyTotp(rfcSecret, code, at((step + 1) * 30 + 29))).toBe(true);
    expect(verifyTotp(rfcSecret, code, at((step - 1) * 30 - 1))).toBe(false);
    expect(verifyTotp(rfcSecret, code, at((step + 2) * 30))).toBe(false);
  });

  it('refuses a wrong code, a malformed one and a broken secret', () => {
    const now = at(1111111109);
    expect(verifyTotp(rfcSecret, '081805', now)).toBe(false);
    for (const code of ['', '08180', '0818044', 'abcdef', '08180a'])
      expect(verifyTotp(rfcSecret, code, now)).toBe(false);
    expect(verifyTotp('not base32!', '081804', now)).toBe(false);
  });

  it('accepts the code as apps show it, with a space', () => {
    expect(verifyTotp(rfcSecret, '081 804', at(1111111109))).toBe(true);
  });

  it('creates 20-byte secrets that verify their own current code', () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32IgnorePadding(secret)).toHaveLength(20);
    expect(createTotpSecret()).not.toBe(secret);
    const now = new Date();
    const code = generateHOTP(
      decodeBase32IgnorePadding(secret),
      BigInt(Math.floor(now.getTime() / 30_000)),
      6,
    );
    expect(verifyTotp(secret, code, now)).toBe(true);
  });

  it('builds the otpauth URI an authenticator app reads', () => {
    const uri = new URL(totpUri({ secret: rfcSecret, account: 'an@ubnd.gov.vn', issuer: 'Motcua Hà Nội' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Motcua Hà Nội:an@ubnd.gov.vn');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Motcua Hà Nội',
      algorithm: 'SHA1',
      secret: rfcSecret,
      period: '30',
      digits: '6',
    });
  });
});
