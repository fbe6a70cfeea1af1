import { describe, expect, it } from 'vitest';
import { looksLikePhone, normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['+84 912.345.678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['(+84) 38-123-4567', '+84381234567'],
    ['０９１２３４５６７８', '+84912345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['02363822222', 'a landline'],
    ['0112345678', 'an unused range'],
    ['091234567', 'nine digits'],
    ['09123456789', 'eleven digits'],
    ['+1 415 555 0100', 'a foreign number'],
    ['0912abc678', 'letters'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it('tells a phone from an email address', () => {
    expect(looksLikePhone('0912 345 678')).toBe(true);
    expect(looksLikePhone('nguyen0912345678@example.vn')).toBe(false);
    expect(looksLikePhone('an')).toBe(false);
  });
});
