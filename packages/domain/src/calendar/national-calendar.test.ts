import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { parseNationalYears } from './calendar-schema.ts';
import { addCalendarDays } from './civil-date.ts';
import { NATIONAL_CALENDAR } from './national-calendar.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar();

function year(y: number) {
  const found = NATIONAL_CALENDAR.find((entry) => entry.year === y);
  if (!found) throw new Error(`no data for ${y}`);
  return found;
}

function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) dates.push(d);
  return dates;
}

describe('the shipped national calendar', () => {
  it('is valid data', () => {
    expect(parseNationalYears(NATIONAL_CALENDAR).map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it.each([
    [
      2025,
      // 1 Jan; Tết 27–31 Jan; Hùng Kings 7 Apr; 30/4, 1/5, swapped 2/5; 1–2 Sep.
      [
        '01-01',
        '01-27',
        '01-28',
        '01-29',
        '01-30',
        '01-31',
        '04-07',
        '04-30',
        '05-01',
        '05-02',
        '09-01',
        '09-02',
      ],
      ['04-26'],
    ],
    [
      2026,
      // 1 Jan, swapped 2 Jan; Tết 16–20 Feb; Hùng Kings compensatory 27 Apr; 30/4, 1/5; swapped 31 Aug; 1–2 Sep.
      [
        '01-01',
        '01-02',
        '02-16',
        '02-17',
        '02-18',
        '02-19',
        '02-20',
        '04-27',
        '04-30',
        '05-01',
        '08-31',
        '09-01',
        '09-02',
      ],
      ['01-10', '08-22'],
    ],
    [
      2027,
      // By law: 1 Jan; Tết 4–5 and 8–10 Feb; Hùng Kings 16 Apr; 30/4; 1/5 is a Saturday → 3 May; 2–3 Sep.
      ['01-01', '02-04', '02-05', '02-08', '02-09', '02-10', '04-16', '04-30', '05-03', '09-02', '09-03'],
      [],
    ],
  ])('%i lists exactly the expected weekdays off and working Saturdays', (y, off, saturdays) => {
    expect(year(y).daysOff.map((d) => d.date)).toEqual(off.map((md) => `${y}-${md}`));
    expect(year(y).workingSaturdays.map((d) => d.date)).toEqual(saturdays.map((md) => `${y}-${md}`));
  });

  it.each([2025, 2026, 2027])('%i nets out to the 11 paid holidays of Labour Code art. 112', (y) => {
    // Swaps move a day, they do not add one; compensatory days replace holidays lost to a weekend.
    expect(year(y).daysOff.length - year(y).workingSaturdays.length).toBe(11);
  });

  it.each([
    ['Tết 2025', '2025-01-25', '2025-02-02'],
    ['Tết 2026', '2026-02-14', '2026-02-22'],
    ['New Year 2026', '2026-01-01', '2026-01-04'],
    ['30/4–1/5 2025', '2025-04-30', '2025-05-04'],
    ['National Day 2025', '2025-08-30', '2025-09-02'],
    ['Hùng Kings 2026', '2026-04-25', '2026-04-27'],
    ['30/4–1/5 2026', '2026-04-30', '2026-05-03'],
    ['National Day 2026', '2026-08-29', '2026-09-02'],
  ])('%s: every day from %s to %s is off, the days around are worked', (_name, first, last) => {
    for (const date of datesFrom(first, last)) expect(calendar.isWorkingDay(date), date).toBe(false);
    expect(calendar.isWorkingDay(addCalendarDays(first, -1))).toBe(true);
    expect(calendar.isWorkingDay(addCalendarDays(last, 1))).toBe(true);
  });

  it('marks the 2027 days still awaiting the yearly decision as provisional', () => {
    const provisional = year(2027)
      .daysOff.filter((d) => d.provisional)
      .map((d) => d.date);
    expect(provisional).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-09-03',
    ]);
    expect([...year(2025).daysOff, ...year(2026).daysOff].some((d) => d.provisional)).toBe(false);
  });

  it('cites a legal basis and names every day in both languages', () => {
    for (const y of NATIONAL_CALENDAR) {
      for (const d of [...y.daysOff, ...y.workingSaturdays]) {
        expect(d.basis, d.date).toMatch(/Bộ luật Lao động|VPCP|TB-BNV/);
        expect(d.name.vi.length).toBeGreaterThan(0);
        expect(d.name.en.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('national calendar validation', () => {
  const name = { vi: 'Ngày thử', en: 'Test day' };
  const basis = 'test';

  it.each([
    ['a day off on a Sunday', { daysOff: [{ date: '2026-04-26', name, basis }], workingSaturdays: [] }],
    [
      'a working "Saturday" on a Friday',
      { daysOff: [], workingSaturdays: [{ date: '2026-01-09', name, basis }] },
    ],
    ['a date in another year', { daysOff: [{ date: '2025-12-31', name, basis }], workingSaturdays: [] }],
    [
      'a date listed twice',
      {
        daysOff: [
          { date: '2026-03-02', name, basis },
          { date: '2026-03-02', name, basis },
        ],
        workingSaturdays: [],
      },
    ],
    ['an impossible date', { daysOff: [{ date: '2026-02-30', name, basis }], workingSaturdays: [] }],
    ['a day without a basis', { daysOff: [{ date: '2026-03-02', name, basis: ' ' }], workingSaturdays: [] }],
  ])('refuses %s', (_case, data) => {
    expect(() => parseNationalYears([{ year: 2026, ...data }])).toThrow(ValidationError);
  });

  it('refuses the same year twice', () => {
    const empty = { year: 2026, daysOff: [], workingSaturdays: [] };
    expect(() => parseNationalYears([empty, empty])).toThrow(/2026 twice/);
  });
});
