// Procedure search without diacritics: hand-picked cases, then a seeded property over generated
// Vietnamese names (fast-check is not a dependency of this package; a fixed-seed generator stands in).
import { describe, expect, it } from 'vitest';
import { findProcedures, foldText } from './search.ts';

const procedure = (code: string, vi: string, en = 'x', sector = 'Hộ tịch') => ({
  code,
  name: { vi, en },
  sector,
});

const catalog = [
  procedure('1.001193', 'Đăng ký khai sinh', 'Birth registration'),
  procedure('1.004222', 'Đăng ký thường trú', 'Permanent residence registration', 'Đăng ký, quản lý cư trú'),
  procedure('2.000720', 'Đăng ký thành lập hộ kinh doanh', 'Household business registration', 'Kinh doanh'),
  procedure('1.009994', 'Cấp giấy phép xây dựng', 'Construction permit', 'Xây dựng'),
  procedure('1.000001', 'Thủ tục bỏ dấu', 'Mark removal'),
];

describe('foldText', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['  Bỏ   DẤU ', 'bo dau'],
    ['Hộ kinh doanh', 'ho kinh doanh'],
    ['đường Lê Lợi', 'duong le loi'],
    ['Thủ tục'.normalize('NFD'), 'thu tuc'],
    ['1.001193.H48', '1.001193.h48'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('findProcedures', () => {
  const codes = (query: string) => findProcedures(catalog, query).map((p) => p.code);
  it.each([
    ['bo dau', ['1.000001']],
    ['bỏ dấu', ['1.000001']],
    ['khai sinh', ['1.001193']],
    ['sinh khai', ['1.001193']],
    ['KHAI SINH', ['1.001193']],
    ['dang ky', ['1.001193', '1.004222', '2.000720']],
    ['1.001193', ['1.001193']],
    ['birth', ['1.001193']],
    ['xay dung', ['1.009994']],
    ['cu tru', ['1.004222']],
    ['khai sinh xay dung', []],
    ['xyz', []],
  ])('"%s" finds %j', (query, expected) => {
    expect(codes(query)).toEqual(expected);
  });

  it('keeps the whole catalog, in order, for an empty or blank query', () => {
    expect(codes('')).toEqual(catalog.map((p) => p.code));
    expect(codes('   ')).toEqual(catalog.map((p) => p.code));
  });
});

/** Mulberry32: a small seeded generator, so a failure replays the same names. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  'đăng',
  'ký',
  'khai',
  'sinh',
  'hộ',
  'tịch',
  'cấp',
  'giấy',
  'phép',
  'xây',
  'dựng',
  'thường',
];
const plain = (word: string) => foldText(word);

describe('findProcedures, as a property over generated names', () => {
  it('finds every procedure by any of its words typed without marks, and keeps the catalog order', () => {
    const random = generator(20_260_212);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    for (let run = 0; run < 200; run += 1) {
      const names = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) =>
        procedure(
          `1.${String(run * 10 + i).padStart(6, '0')}`,
          Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(' '),
        ),
      );
      const target = pick(names);
      const words = target.name.vi.split(' ');
      const marked = [pick(words), pick(words)].join(' ');
      const query = plain(marked).toUpperCase();
      const found = findProcedures(names, query);
      expect(found, query).toContain(target);
      // Order kept: the result is the catalog filtered, never reordered.
      expect(found).toEqual(names.filter((p) => found.includes(p)));
      // Marks or none, the same answer.
      expect(findProcedures(names, marked)).toEqual(found);
    }
  });
});
