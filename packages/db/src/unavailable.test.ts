import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });
/** drizzle's wrapper keeps the driver's error as `cause`. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECT_TIMEOUT',
    '57P01',
    '57P02',
    '57P03',
    '53300',
    '08006',
  ])('is true for %s, also under drizzle’s wrapper', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
  });

  it.each(['23505', '42501', '22P02', '25P02', '57014', 'ERR_INVALID_ARG_TYPE'])(
    'is false for %s, a problem of the request or the code',
    (code) => {
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(false);
    },
  );

  it('is false for what is not an error', () => {
    for (const value of [undefined, null, 'ECONNREFUSED', 42, {}])
      expect(isDatabaseUnavailable(value)).toBe(false);
  });
});
