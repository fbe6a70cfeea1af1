import { ValidationError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { parseActor, parseSlugArgument, parseStartInput } from './input.ts';

const valid = {
  slug: 'da-nang',
  name: ' UBND thành phố Đà Nẵng ',
  kind: 'province',
  adminEmail: ' Admin@DaNang.gov.vn ',
  actor: 'opr_1',
};

function failure(input: unknown): ValidationError {
  try {
    parseStartInput(input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseStartInput', () => {
  it('trims the name and normalises the e-mail', () => {
    expect(parseStartInput(valid)).toEqual({
      slug: 'da-nang',
      name: 'UBND thành phố Đà Nẵng',
      kind: 'province',
      adminEmail: 'admin@danang.gov.vn',
      actor: 'opr_1',
    });
  });

  it('lists every failing field at once', () => {
    const error = failure({ slug: 'x', name: '', kind: 'city', adminEmail: 'a@b', actor: '' });
    expect(error.code).toBe('invalid_slug');
    expect((error.details ?? []).map((problem) => problem.path).sort()).toEqual([
      'actor',
      'adminEmail',
      'kind',
      'name',
      'slug',
    ]);
  });

  it('uses invalid_input when the slug is fine', () => {
    expect(failure({ ...valid, adminEmail: 'two@@at.vn' }).code).toBe('invalid_input');
  });

  it.each([null, undefined, 'string', 42, []])('rejects %j as a whole', (input) => {
    expect(failure(input).code).toBe('invalid_slug');
  });

  it.each(['a', 'Da-Nang', 'da_nang', 'da--nang', 'da-nang-', '1nam-dinh', 'public', 'x'.repeat(32)])(
    'rejects the slug %j',
    (slug) => {
      expect(failure({ ...valid, slug }).code).toBe('invalid_slug');
    },
  );
});

describe('verb arguments', () => {
  it('checks slugs and actors', () => {
    expect(parseSlugArgument('hue')).toBe('hue');
    expect(() => parseSlugArgument('pg_catalog')).toThrow(ValidationError);
    expect(parseActor(' opr_1 ')).toBe('opr_1');
    expect(() => parseActor(undefined)).toThrow(ValidationError);
  });
});
