// Sample data for the forms' tests, and a seeded random source so that "random" cases repeat.
import type { FormBase } from '../src/types.ts';

/** 08:30 on 23 Nov 2026 in Vietnam. */
export const MORNING_23_NOV = new Date('2026-11-23T01:30:00Z');

export function sampleForm(): FormBase {
  return {
    agency: {
      name: 'Ủy ban nhân dân thành phố Đà Nẵng',
      unitName: 'Trung tâm Phục vụ hành chính công',
      place: 'Đà Nẵng',
    },
    dossier: {
      code: '000.00.13.H48-261123-0042',
      procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      applicantName: 'Nguyễn Thị Hường',
      applicantAddress: '12 Lê Duẩn, phường Hải Châu, thành phố Đà Nẵng',
      applicantPhone: '0905 123 456',
      applicantEmail: 'huong.nguyen@example.vn',
    },
    issuedAt: MORNING_23_NOV,
  };
}

/** mulberry32: a small seeded generator, so "random" cases are the same on every run. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const text = (alphabet: string, minLength: number, maxLength: number): string => {
    const chars = [...alphabet];
    return Array.from({ length: int(minLength, maxLength) }, () => pick(chars)).join('');
  };
  return { next, int, pick, text };
}

export const VIETNAMESE_ALPHABET =
  'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƯƠ ';
