import { verifyTotp } from '@motcua/auth';
import { authenticator, totpCode, totpStepAt } from '@motcua/testing/totp';
import { describe, expect, it } from 'vitest';

// RFC 6238 appendix B: the ASCII secret "12345678901234567890", SHA-1, last 6 of 8 digits.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCode', () => {
  it.each([
    [59, '287082'],
    [1_111_111_109, '081804'],
    [1_111_111_111, '050471'],
    [1_234_567_890, '005924'],
    [2_000_000_000, '279037'],
    [20_000_000_000, '353130'],
  ])('at %i s gives the RFC 6238 code %s', (seconds, code) => {
    expect(totpCode(rfcSecret, totpStepAt(new Date(seconds * 1000)))).toBe(code);
  });

  it('agrees with the server for the current step and never repeats a step', () => {
    const now = new Date('2026-11-23T10:00:10Z');
    const app = authenticator(rfcSecret);
    const first = app.next(now);
    const second = app.next(now);
    expect(verifyTotp(rfcSecret, first, now)).toBe(true);
    expect(verifyTotp(rfcSecret, second, now)).toBe(true);
    expect(second).not.toBe(first);
  });
});
