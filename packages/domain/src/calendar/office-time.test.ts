import { describe, expect, it } from 'vitest';
import { at, wallClock } from '../../test/wall-clock.ts';
import { ValidationError } from '../errors.ts';
import {
  addWorkingMinutes,
  findNextOfficeTime,
  getOfficeMinutesPerDay,
  isOfficeTime,
  type OfficeHours,
  workingMinutesBetween,
} from './office-time.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar();

describe('workingMinutesBetween (default 07:30–11:30, 13:00–17:00)', () => {
  it.each([
    ['2025-03-03 07:30', '2025-03-03 17:00', 480], // a full Monday
    ['2025-03-03 10:00', '2025-03-03 14:00', 150], // 90 before lunch + 60 after
    ['2025-03-03 12:00', '2025-03-03 12:45', 0], // lunch
    ['2025-03-07 16:00', '2025-03-10 08:30', 120], // Fri 60 + Mon 60
    ['2026-02-13 16:00', '2026-02-23 08:00', 90], // Fri 60, Tết, Mon 30
    ['2026-01-08 17:00', '2026-01-12 07:30', 960], // Fri 9 Jan + working Sat 10 Jan
    ['2025-04-29 07:30', '2025-05-06 07:30', 960], // Tue 29 Apr + Mon 5 May; 30 Apr–4 May off
    ['2025-03-03 10:00:30', '2025-03-03 10:01', 0.5],
    ['2025-03-03 14:00', '2025-03-03 10:00', 0], // backwards
  ])('%s → %s: %d minutes', (from, to, expected) => {
    expect(workingMinutesBetween(calendar, at(from), at(to))).toBe(expected);
  });

  it('uses the office hours given', () => {
    const hours: OfficeHours = { morning: [8 * 60, 12 * 60], afternoon: [13 * 60 + 30, 17 * 60 + 30] };
    expect(workingMinutesBetween(calendar, at('2025-03-03 07:30'), at('2025-03-03 08:00'), hours)).toBe(0);
    expect(workingMinutesBetween(calendar, at('2025-03-03 08:00'), at('2025-03-03 17:30'), hours)).toBe(480);
    expect(getOfficeMinutesPerDay(hours)).toBe(480);
  });
});

describe('addWorkingMinutes', () => {
  it.each([
    ['2025-03-03 10:00', 480, '2025-03-04 10:00'],
    ['2025-03-03 10:00', 90, '2025-03-03 11:30'], // ends at the close of the morning, not at 13:00
    ['2025-03-03 10:00', 91, '2025-03-03 13:01'],
    ['2025-03-03 16:00', 60, '2025-03-03 17:00'],
    ['2026-02-13 16:00', 480, '2026-02-23 16:00'], // Fri 60; Mon 23 Feb 240 + 180
    ['2025-03-08 09:00', 30, '2025-03-10 08:00'], // from a Saturday
    ['2026-01-09 17:30', 60, '2026-01-10 08:30'], // into the working Saturday
    ['2025-03-03 12:15', 30, '2025-03-03 13:30'], // from lunch
    ['2025-03-09 09:00', 0, '2025-03-09 09:00'], // nothing to add: unchanged, even on a Sunday
    // Less than a millisecond rounds to nothing: a closing time stays put (found by fast-check,
    // seed -1088446809: 5e-324 minutes after 11:30 gave 13:00).
    ['2025-03-03 11:30', 5e-324, '2025-03-03 11:30'],
    ['2025-03-03 17:00', 0.000001, '2025-03-03 17:00'],
  ])('%s + %d minutes = %s', (from, minutes, expected) => {
    expect(wallClock(addWorkingMinutes(calendar, at(from), minutes))).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d minutes', (minutes) => {
    expect(() => addWorkingMinutes(calendar, at('2025-03-03 10:00'), minutes)).toThrow(ValidationError);
  });
});

describe('findNextOfficeTime', () => {
  it.each([
    ['2025-03-03 10:00', '2025-03-03 10:00'],
    ['2025-03-03 06:00', '2025-03-03 07:30'],
    ['2025-03-03 11:30', '2025-03-03 13:00'],
    ['2025-03-03 12:00', '2025-03-03 13:00'],
    ['2025-03-03 17:00', '2025-03-04 07:30'],
    ['2025-03-08 09:00', '2025-03-10 07:30'], // Saturday
    ['2026-01-09 18:00', '2026-01-10 07:30'], // Friday evening before the working Saturday
    ['2025-12-31 23:59', '2026-01-05 07:30'],
  ])('%s → %s', (instant, expected) => {
    expect(wallClock(findNextOfficeTime(calendar, at(instant)))).toBe(expected);
  });

  it.each([
    ['2025-03-03 07:30', true],
    ['2025-03-03 11:30', false],
    ['2025-03-03 16:59', true],
    ['2025-03-03 17:00', false],
    ['2026-02-17 09:00', false],
    ['2026-01-10 09:00', true],
  ])('isOfficeTime(%s) = %s', (instant, expected) => {
    expect(isOfficeTime(calendar, at(instant))).toBe(expected);
  });
});

describe('office hours validation', () => {
  it.each<[string, OfficeHours]>([
    ['afternoon before morning', { morning: [13 * 60, 17 * 60], afternoon: [7 * 60, 11 * 60] }],
    ['an empty morning', { morning: [8 * 60, 8 * 60], afternoon: [13 * 60, 17 * 60] }],
    ['fractional minutes', { morning: [450.5, 690], afternoon: [780, 1020] }],
    ['past midnight', { morning: [450, 690], afternoon: [780, 1500] }],
  ])('refuses %s', (_case, hours) => {
    expect(() =>
      workingMinutesBetween(calendar, at('2025-03-03 07:30'), at('2025-03-04 07:30'), hours),
    ).toThrow(ValidationError);
  });
});
