import { describe, expect, it } from 'vitest';
import { assertExportKey, assertRelativeKey, InvalidObjectKeyError, tenantPrefix } from './keys.ts';

describe('relative object keys', () => {
  it.each([
    'a',
    'dossiers/2026/hs-000123/don.pdf',
    '.motcua-tenant.json',
    'tệp đính kèm/giấy tờ.pdf',
    'a..b/c...d',
    'ệ'.repeat(300), // 900 bytes of UTF-8
  ])('accepts %j', (key) => {
    expect(() => assertRelativeKey(key)).not.toThrow();
  });

  it.each([
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['parent segment', '../other/x'],
    ['parent segment inside', 'a/../../other/x'],
    ['trailing parent', 'a/..'],
    ['current segment', './a'],
    ['backslash', 'a\\..\\b'],
    ['empty segment', 'a//b'],
    ['trailing slash', 'a/'],
    ['control character', 'a\nb'],
    ['NUL', 'a\u0000b'],
    ['too long', 'ệ'.repeat(301)],
    ['not a string', 42],
  ])('rejects %s', (_why, key) => {
    expect(() => assertRelativeKey(key)).toThrow(InvalidObjectKeyError);
  });
});

describe('tenant prefix', () => {
  it('puts a valid slug under tenants/ with a closing slash', () => {
    expect(tenantPrefix('da-nang')).toBe('tenants/da-nang/');
  });

  it.each(['', 'A', 'da_nang', '../x', 'x/y', 'a-', 'a--b', `a${'b'.repeat(31)}`])(
    'rejects slug %j',
    (slug) => {
      expect(() => tenantPrefix(slug)).toThrow(InvalidObjectKeyError);
    },
  );
});

describe('export keys', () => {
  it('accepts keys under exports/', () => {
    expect(() => assertExportKey('exports/da-nang/run_1.tar.gz')).not.toThrow();
  });

  it.each(['tenants/da-nang/x', 'exports/', 'exports/../tenants/x', '/exports/x', 'exports//x'])(
    'rejects %j',
    (key) => {
      expect(() => assertExportKey(key)).toThrow(InvalidObjectKeyError);
    },
  );
});
