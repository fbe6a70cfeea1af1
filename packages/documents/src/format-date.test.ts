import { describe, expect, it } from 'vitest';
import { createRandom } from '../test/fixtures.ts';
import { formatDate, formatDateLine, formatDateTime } from './format-date.ts';

describe('formatDateTime', () => {
  it.each([
    ['2026-11-23T01:30:00Z', '08 giờ 30 phút, ngày 23/11/2026', '08:30, 23 Nov 2026'],
    // 17:05 UTC on New Year's Eve is already 1 Jan in Vietnam: day, month and year all roll over.
    ['2026-12-31T17:05:00Z', '00 giờ 05 phút, ngày 01/01/2027', '00:05, 1 Jan 2027'],
    ['2026-02-28T16:59:59Z', '23 giờ 59 phút, ngày 28/02/2026', '23:59, 28 Feb 2026'],
    ['2028-02-28T17:00:00Z', '00 giờ 00 phút, ngày 29/02/2028', '00:00, 29 Feb 2028'],
    ['2027-06-15T09:07:00Z', '16 giờ 07 phút, ngày 15/06/2027', '16:07, 15 Jun 2027'],
  ])('prints %s in Vietnam time', (iso, vi, en) => {
    expect(formatDateTime(new Date(iso), 'vi')).toBe(vi);
    expect(formatDateTime(new Date(iso), 'en')).toBe(en);
  });

  it('refuses an invalid date instead of printing NaN', () => {
    expect(() => formatDateTime(new Date('not a date'), 'vi')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-11-23T01:30:00Z', '23/11/2026', '23 Nov 2026'],
    ['2026-09-01T18:00:00Z', '02/09/2026', '2 Sep 2026'],
  ])('prints %s as a date in Vietnam', (iso, vi, en) => {
    expect(formatDate(new Date(iso), 'vi')).toBe(vi);
    expect(formatDate(new Date(iso), 'en')).toBe(en);
  });
});

describe('formatDateLine', () => {
  it.each([
    ['Đà Nẵng', '2026-11-23T01:30:00Z', 'Đà Nẵng, ngày 23 tháng 11 năm 2026', 'Đà Nẵng, 23 November 2026'],
    // Days below 10 and months 1 and 2 take a leading zero; months 3 to 9 do not (Decree 30/2020).
    ['Huế', '2026-01-04T17:00:00Z', 'Huế, ngày 05 tháng 01 năm 2026', 'Huế, 5 January 2026'],
    ['Hà Nội', '2026-02-10T03:00:00Z', 'Hà Nội, ngày 10 tháng 02 năm 2026', 'Hà Nội, 10 February 2026'],
    ['Cần Thơ', '2026-03-09T03:00:00Z', 'Cần Thơ, ngày 09 tháng 3 năm 2026', 'Cần Thơ, 9 March 2026'],
    ['Gia Lai', '2026-09-30T16:59:00Z', 'Gia Lai, ngày 30 tháng 9 năm 2026', 'Gia Lai, 30 September 2026'],
    ['Gia Lai', '2026-09-30T17:00:00Z', 'Gia Lai, ngày 01 tháng 10 năm 2026', 'Gia Lai, 1 October 2026'],
  ])('prints %s on %s', (place, iso, vi, en) => {
    expect(formatDateLine(place, new Date(iso), 'vi')).toBe(vi);
    expect(formatDateLine(place, new Date(iso), 'en')).toBe(en);
  });
});

describe('Vietnam time, against the time-zone database', () => {
  // Intl with Asia/Ho_Chi_Minh is an independent oracle; the zone has been UTC+7 since 1975.
  const oracle = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const random = createRandom(20261123);
  const from = Date.UTC(1976, 0, 1);
  const to = Date.UTC(2100, 0, 1);
  const instants = Array.from(
    { length: 500 },
    () => new Date(from + Math.floor(random.next() * (to - from))),
  );

  it('agrees on the day, month, year, hour and minute of 500 random instants', () => {
    for (const instant of instants) {
      const parts = Object.fromEntries(oracle.formatToParts(instant).map((part) => [part.type, part.value]));
      const expected = `${parts.hour} giờ ${parts.minute} phút, ngày ${parts.day}/${parts.month}/${parts.year}`;
      expect(formatDateTime(instant, 'vi'), instant.toISOString()).toBe(expected);
      expect(formatDate(instant, 'vi')).toBe(`${parts.day}/${parts.month}/${parts.year}`);
    }
  });

  it('gives the English and Vietnamese forms the same day for every instant', () => {
    for (const instant of instants) {
      const [, day, month, year] = /(\d\d)\/(\d\d)\/(\d{4})$/.exec(formatDate(instant, 'vi')) ?? [];
      const english = formatDate(instant, 'en');
      expect(english.startsWith(`${Number(day)} `)).toBe(true);
      expect(english.endsWith(` ${year}`)).toBe(true);
      expect(formatDateLine('X', instant, 'vi')).toContain(
        `tháng ${Number(month) <= 2 ? month : Number(month)} năm`,
      );
    }
  });
});
