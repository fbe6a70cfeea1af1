import { ConflictError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { pgErrorCode, safeErrorMessage } from './errors.ts';

function drizzleStyle(): Error {
  // What drizzle throws: its message carries the SQL and the bound parameters.
  const cause = Object.assign(
    new Error('duplicate key value violates unique constraint "tenants_slug_key"'),
    {
      code: '23505',
    },
  );
  return new Error('Failed query: insert into "platform"."tenants" values ($1)\nparams: secret@agency.vn', {
    cause,
  });
}

describe('safeErrorMessage', () => {
  it('keeps the PostgreSQL message and code and drops the SQL and its parameters', () => {
    const message = safeErrorMessage(drizzleStyle());
    expect(message).toBe(
      'database error 23505: duplicate key value violates unique constraint "tenants_slug_key"',
    );
    expect(pgErrorCode(drizzleStyle())).toBe('23505');
  });

  it('keeps only the first line, hides credentials in URLs and clips long messages', () => {
    expect(
      safeErrorMessage(new Error('connect to postgres://app:s3cret@db:5432/x failed\n    at stack')),
    ).toBe('connect to postgres://***@db:5432/x failed');
    expect(safeErrorMessage(new Error('x'.repeat(1000)))).toHaveLength(300);
  });

  it('names non-generic errors and passes domain messages through', () => {
    expect(safeErrorMessage(new TypeError('bad'))).toBe('TypeError: bad');
    expect(safeErrorMessage(new ConflictError('Slug taken.'))).toBe('Slug taken.');
    expect(safeErrorMessage('plain')).toBe('plain');
    expect(safeErrorMessage(undefined)).toBe('undefined');
    expect(pgErrorCode(new Error('no code'))).toBeUndefined();
  });
});
