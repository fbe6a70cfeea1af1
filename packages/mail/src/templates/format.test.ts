import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatVietnamDate, toOneLine } from './format.ts';

describe('formatVietnamDate', () => {
  it.each([
    ['2025-07-24T16:59:59.999Z', '24/07/2025'],
    ['2025-07-24T17:00:00.000Z', '25/07/2025'],
    ['2025-12-31T17:00:00Z', '01/01/2026'],
    ['2025-12-31T16:00:00Z', '31/12/2025'],
    ['2024-02-28T17:00:00Z', '29/02/2024'],
    ['2026-02-16T20:00:00+07:00', '16/02/2026'],
    ['2026-02-16T20:00:00-05:00', '17/02/2026'],
  ])('%s is %s in Vietnam', (iso, expected) => {
    expect(formatVietnamDate(iso)).toBe(expected);
  });

  it('agrees with the tz database for every hour across two years', () => {
    // An independent oracle: ICU's Asia/Ho_Chi_Minh zone, read back as dd/mm/yyyy.
    const oracle = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    const start = Date.UTC(2025, 0, 1);
    for (let t = start; t < start + 2 * 366 * 24 * 3_600_000; t += 3_600_000 + 61_000) {
      const instant = new Date(t);
      expect(formatVietnamDate(instant.toISOString())).toBe(oracle.format(instant));
    }
  });

  it('refuses what is not a date', () => {
    expect(() => formatVietnamDate('soon')).toThrow(RangeError);
  });
});

describe('formatCalendarDate', () => {
  it.each([
    ['2025-08-05', '05/08/2025'],
    ['2026-12-31', '31/12/2026'],
  ])('%s is %s', (date, expected) => {
    expect(formatCalendarDate(date)).toBe(expected);
  });

  it('refuses another shape', () => {
    expect(() => formatCalendarDate('5/8/2025')).toThrow(RangeError);
  });
});

describe('toOneLine', () => {
  it.each([
    ['a\r\nb', 'a b'],
    ['  a \t\n\n b  ', 'a b'],
    ['Hà Nội', 'Hà Nội'],
  ])('%j becomes %j', (input, expected) => {
    expect(toOneLine(input)).toBe(expected);
  });
});
