import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidSlugError,
  isValidSlug,
  parseSlug,
  reservedSlugs,
  type TenantSlug,
  tenantNames,
} from './names.ts';

const malformed = 'use 2 to 31 characters';

const rejected: [label: string, slug: unknown, message: string][] = [
  ['SQL injection', 'a;\ndrop table x', malformed],
  ['path traversal', '../x', malformed],
  ['one character', 'A', malformed],
  ['upper case', 'Da-nang', malformed],
  ['Cyrillic а look-alike', 'd\u0430-nang', malformed],
  ['full-width letters', '\uff44\uff41-\uff4e\uff41\uff4e\uff47', malformed],
  ['U+2010 hyphen', 'da\u2010nang', malformed],
  ['zero-width space', 'da-nang\u200b', malformed],
  ['trailing newline', 'da-nang\n', malformed],
  ['space', 'da nang', malformed],
  ['dot', 'da.nang', malformed],
  ['64 characters', 'a'.repeat(64), malformed],
  ['32 characters', 'a'.repeat(32), malformed],
  ['empty', '', malformed],
  ['leading hyphen', '-x', malformed],
  ['trailing hyphen', 'x-', malformed],
  ['double hyphen', 'a--b', malformed],
  ['underscore', 'a_b', malformed],
  ['leading digit', '1abc', malformed],
  ["another tenant's owner role", 'da-nang-owner', 'cannot end in "-owner"'],
  ...[...reservedSlugs].map((slug): [string, unknown, string] => [`reserved ${slug}`, slug, 'is reserved']),
  ['not a string', 42, 'must be a string'],
  ['undefined', undefined, 'must be a string'],
];

const accepted = ['da-nang', 'bo-tu-phap', 'ha-noi', 'ab', 'a'.repeat(31), `b${'-9'.repeat(15)}`, 'owner'];

describe('parseSlug', () => {
  it.each(rejected)('rejects %s', (_label, slug, message) => {
    expect(isValidSlug(slug)).toBe(false);
    expect(() => parseSlug(slug)).toThrow(InvalidSlugError);
    expect(() => parseSlug(slug)).toThrow(message);
  });

  it('names every reserved name in the table above', () => {
    for (const slug of ['platform', 'public', 'pg_catalog', 'information_schema', 'api', 'www', 'admin']) {
      expect(reservedSlugs.has(slug)).toBe(true);
    }
  });

  it('never echoes control characters from a hostile slug into its message', () => {
    const error = (() => {
      try {
        parseSlug('a;\ndrop table x');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('"a;\\ndrop table x"');
    expect(error?.message).not.toContain('\n');
  });

  it.each(accepted)('accepts %s', (slug) => {
    expect(slug.length).toBeLessThanOrEqual(31);
    expect(isValidSlug(slug)).toBe(true);
    expect(parseSlug(slug)).toBe(slug);
  });
});

describe('tenantNames', () => {
  it('derives the schema, roles and storage prefix', () => {
    expect(tenantNames(parseSlug('da-nang'))).toEqual({
      schema: 't_da_nang',
      role: 't_da_nang',
      ownerRole: 't_da_nang_owner',
      storagePrefix: 'tenants/da-nang/',
    });
  });

  // Shaped like a slug so that most samples pass validation; the filter keeps the rest honest.
  const validSlug = fc
    .stringMatching(/^[a-z][a-z0-9-]{1,30}$/)
    .filter(isValidSlug) as fc.Arbitrary<TenantSlug>;
  const identifier = /^[a-z][a-z0-9_]*$/;

  it('yields plain PostgreSQL identifiers of at most 63 bytes for every accepted slug', () => {
    fc.assert(
      fc.property(fc.oneof(validSlug, fc.string({ unit: 'grapheme', maxLength: 40 })), (slug) => {
        fc.pre(isValidSlug(slug));
        const { schema, role, ownerRole } = tenantNames(slug);
        for (const name of [schema, role, ownerRole]) {
          expect(name).toMatch(identifier);
          expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('maps distinct slugs to distinct schemas', () => {
    fc.assert(
      fc.property(fc.uniqueArray(validSlug, { minLength: 2, maxLength: 50 }), (slugs) => {
        expect(new Set(slugs.map((s) => tenantNames(s).schema)).size).toBe(slugs.length);
      }),
    );
  });

  it("never derives a name that is another valid slug's schema or role", () => {
    // Schema and runtime role are `t_` + the slug with `-` → `_`, so the only slug whose
    // schema could be called `name` is this inverse; it must be the slug itself or invalid.
    const slugWhoseSchemaIs = (name: string) => name.slice(2).replaceAll('_', '-');
    fc.assert(
      fc.property(validSlug, (slug) => {
        for (const name of Object.values(tenantNames(slug))) {
          if (!name.startsWith('t_')) continue;
          const other = slugWhoseSchemaIs(name);
          expect(other === slug || !isValidSlug(other)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
