// Storage errors in the one error shape: storage away is 503 (with Retry-After at the route), and
// a key refused by the storage package is the request's fault, never a 500.
import { InvalidObjectKeyError, StorageUnavailableError } from '@motcua/storage';
import { describe, expect, it } from 'vitest';
import { mapError } from './errors.tsx';

describe('mapError for storage', () => {
  it('maps storage being away to 503 storage_unavailable', () => {
    expect(mapError(new StorageUnavailableError('ECONNREFUSED'))).toEqual({
      status: 503,
      body: {
        error: {
          code: 'storage_unavailable',
          message: 'Document storage cannot be reached just now; try again in a moment.',
        },
      },
    });
  });

  it('maps a refused object key to 400 without echoing the key', () => {
    const mapped = mapError(new InvalidObjectKeyError('Object key "../x" is not allowed.'));
    expect(mapped?.status).toBe(400);
    expect(mapped?.body.error.code).toBe('invalid_name');
    expect(JSON.stringify(mapped)).not.toContain('../x');
  });
});
