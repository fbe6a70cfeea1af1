import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar();

describe('isWorkingDay with the shipped calendar', () => {
  it.each([
    ['2025-03-12', true, 'an ordinary Wednesday'],
    ['2025-03-15', false, 'an ordinary Saturday'],
    ['2025-03-16', false, 'an ordinary Sunday'],
    ['2025-04-26', true, 'make-up Saturday for 2 May 2025'],
    ['2025-05-02', false, 'Friday swapped for 26 April'],
    ['2026-01-02', false, 'Friday swapped for 10 January'],
    ['2026-01-10', true, 'make-up Saturday for 2 January 2026'],
    ['2026-04-27', false, 'compensatory day for Hùng Kings on Sunday 26 April'],
    ['2026-08-22', true, 'make-up Saturday for 31 August 2026'],
    ['2026-12-25', true, 'Christmas is not a holiday in Vietnam'],
    ['2024-02-12', true, 'a year without data: Monday of Tết 2024 follows the weekend rule only'],
    ['2028-01-01', false, 'a year without data: a Saturday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(ValidationError);
  });
});

describe('nextWorkingDay (strictly after)', () => {
  it.each([
    ['2025-03-12', '2025-03-13'], // Wed → Thu
    ['2025-03-14', '2025-03-17'], // Fri → Mon
    ['2025-12-31', '2026-01-05'], // 1–4 Jan 2026 off
    ['2026-01-09', '2026-01-10'], // Fri → the working Saturday
    ['2026-02-13', '2026-02-23'], // Tết 14–22 Feb
    ['2025-04-29', '2025-05-05'], // 30 Apr–4 May 2025
    ['2026-04-24', '2026-04-28'], // Sat, Sun, compensatory Mon 27 Apr
  ])('after %s comes %s', (date, expected) => {
    expect(calendar.nextWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-02-13', 3, '2026-02-25'], // 23, 24, 25 Feb after Tết
    ['2025-12-31', 2, '2026-01-06'], // 5, 6 Jan 2026
    ['2026-01-08', 3, '2026-01-12'], // Fri 9, Sat 10 (worked), Mon 12
    ['2025-04-24', 3, '2025-04-28'], // Fri 25, Sat 26 (worked), Mon 28
    ['2025-04-24', 5, '2025-05-05'], // …, Tue 29, then 30 Apr–4 May off → Mon 5 May
    ['2025-08-29', 1, '2025-09-03'], // weekend, 1–2 Sep off
    ['2027-02-03', 1, '2027-02-11'], // provisional Tết 2027: 4–10 Feb off
    ['2026-03-04', 0, '2026-03-04'],
  ])('%s + %i working days = %s', (date, days, expected) => {
    expect(calendar.addWorkingDays(date, days)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %d days', (days) => {
    expect(() => calendar.addWorkingDays('2026-03-04', days)).toThrow(ValidationError);
  });
});

describe('countWorkingDays in (from, to]', () => {
  it.each([
    ['2026-02-13', '2026-02-25', 3], // 23, 24, 25 Feb
    ['2025-12-31', '2026-01-10', 6], // 5–9 Jan and the working Saturday 10 Jan
    ['2026-03-04', '2026-03-04', 0],
    ['2026-03-06', '2026-03-02', 0], // backwards
  ])('from %s to %s: %i', (from, to, expected) => {
    expect(calendar.countWorkingDays(from, to)).toBe(expected);
  });
});

describe('describeDay', () => {
  it('names a national day off with its legal basis', () => {
    const day = calendar.describeDay('2026-02-17');
    expect(day).toMatchObject({ date: '2026-02-17', isWorkingDay: false, reason: 'national_day_off' });
    expect(day.name?.vi).toBe('Tết Nguyên đán Bính Ngọ (mùng 1)');
    expect(day.basis).toMatch(/9441\/TB-BNV/);
    expect(day.isYearCovered).toBe(true);
  });

  it('explains a working Saturday', () => {
    expect(calendar.describeDay('2026-01-10')).toMatchObject({
      isWorkingDay: true,
      reason: 'national_working_saturday',
      name: { en: 'Make-up working day for Friday 2 January' },
    });
  });

  it('says when only the weekend rule applied', () => {
    expect(calendar.describeDay('2028-01-03')).toEqual({
      date: '2028-01-03',
      isWorkingDay: true,
      reason: 'weekday',
      isYearCovered: false,
    });
    expect(calendar.describeDay('2026-03-07')).toMatchObject({ reason: 'weekend', isYearCovered: true });
  });

  it('flags provisional 2027 days', () => {
    expect(calendar.describeDay('2027-02-08').provisional).toBe(true);
    expect(calendar.describeDay('2026-02-16').provisional).toBeUndefined();
  });
});

describe('tenant overrides win over the national data', () => {
  const tenant = createWorkingCalendar({
    overrides: [
      {
        date: '2025-03-12',
        kind: 'off',
        name: { vi: 'Lễ hội địa phương' },
        basis: 'Quyết định của UBND tỉnh',
      },
      { date: '2025-03-15', kind: 'working' },
      { date: '2025-09-01', kind: 'working', name: { vi: 'Trực tiếp nhận hồ sơ', en: 'Desk open' } },
    ],
  });

  it.each([
    ['2025-03-12', false, 'tenant_day_off'],
    ['2025-03-15', true, 'tenant_working_day'],
    ['2025-09-01', true, 'tenant_working_day'], // a national day off the agency chose to work
    ['2025-09-02', false, 'national_day_off'],
  ])('%s → working %s (%s)', (date, working, reason) => {
    expect(tenant.isWorkingDay(date)).toBe(working);
    expect(tenant.describeDay(date).reason).toBe(reason);
  });

  it('carries the tenant name and basis', () => {
    expect(tenant.describeDay('2025-03-12')).toMatchObject({
      name: { vi: 'Lễ hội địa phương' },
      basis: 'Quyết định của UBND tỉnh',
    });
  });

  it('moves working-day arithmetic', () => {
    expect(tenant.nextWorkingDay('2025-03-11')).toBe('2025-03-13'); // 12 Mar off locally
    expect(tenant.nextWorkingDay('2025-03-14')).toBe('2025-03-15'); // Saturday opened locally
    expect(tenant.nextWorkingDay('2025-08-29')).toBe('2025-09-01');
    expect(calendar.nextWorkingDay('2025-03-11')).toBe('2025-03-12'); // the national calendar is unchanged
  });

  it('refuses two overrides for one day', () => {
    expect(() =>
      createWorkingCalendar({
        overrides: [
          { date: '2025-03-12', kind: 'off' },
          { date: '2025-03-12', kind: 'working' },
        ],
      }),
    ).toThrow(ValidationError);
  });

  it('refuses a malformed override', () => {
    expect(() => createWorkingCalendar({ overrides: [{ date: '12/03/2025', kind: 'off' }] })).toThrow(
      ValidationError,
    );
  });
});

describe('custom national data', () => {
  it('follows the weekend rule alone when given no years', () => {
    const bare = createWorkingCalendar({ years: [] });
    expect(bare.coveredYears).toEqual([]);
    expect(bare.isWorkingDay('2026-02-17')).toBe(true);
    expect(bare.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('stops with an error instead of looping when every day is overridden off', () => {
    const overrides = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      kind: 'off' as const,
    }));
    const closed = createWorkingCalendar({ overrides });
    expect(() => closed.nextWorkingDay('2025-12-31')).toThrow(ValidationError);
  });
});
