import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  addCalendarDays,
  addCalendarMonths,
  countCalendarDays,
  fromLocal,
  getWeekday,
  isCivilDate,
  toLocal,
} from './civil-date.ts';

describe('civil dates', () => {
  it.each([
    ['2025-01-01', 3], // Wednesday
    ['2026-01-10', 6], // the working Saturday of 2026
    ['2026-04-26', 0], // Hùng Kings 2026, a Sunday
    ['2027-02-06', 6], // lunar new year 2027, a Saturday
  ])('%s is weekday %i', (date, weekday) => {
    expect(getWeekday(date)).toBe(weekday);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-1', '2025-04-31', '', '2025-01-01T00:00'])(
    'refuses %j',
    (date) => {
      expect(isCivilDate(date)).toBe(false);
      expect(() => getWeekday(date)).toThrow(ValidationError);
    },
  );

  it('accepts 29 February of a leap year', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-02-09', 7, '2026-02-16'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
    expect(countCalendarDays(date, expected)).toBe(days);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'], // clamped to the end of February
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2025-10-31', 1, '2025-11-30'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-05-15', 12, '2026-05-15'],
    ['2026-08-31', -6, '2026-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});

describe('local time in Vietnam (UTC+7)', () => {
  it('reads an instant as the Vietnamese date and minute of day', () => {
    // 2025-12-31 17:30 UTC is 00:30 on 1 January 2026 in Hà Nội.
    expect(toLocal(new Date('2025-12-31T17:30:00Z'))).toEqual({ date: '2026-01-01', minutes: 30 });
    expect(toLocal(new Date('2026-02-13T03:00:00Z'))).toEqual({ date: '2026-02-13', minutes: 600 });
  });

  it('builds an instant from a Vietnamese date and minute of day', () => {
    expect(fromLocal('2026-02-25', 17 * 60).toISOString()).toBe('2026-02-25T10:00:00.000Z');
    expect(fromLocal('2026-01-01', 0).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('refuses an invalid instant', () => {
    expect(() => toLocal(new Date('not a date'))).toThrow(ValidationError);
  });
});
