import { describe, expect, it } from 'vitest';
import { at } from '../../test/wall-clock.ts';
import { ValidationError } from '../errors.ts';
import { deadlineStatus, timeliness } from './deadline-status.ts';
import type { OfficeHours } from './office-time.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar();

describe('deadlineStatus', () => {
  // Due Wed 25 Feb 2026 17:00 (received 13 Feb, 3 working days over Tết).
  const dueAt = at('2026-02-25 17:00');

  it.each([
    ['2026-02-13 10:00', 'on_time', 'well before'],
    ['2026-02-24 16:59', 'on_time', '481 office minutes left'],
    ['2026-02-24 17:00', 'due_soon', 'exactly one working day left'],
    ['2026-02-25 09:00', 'due_soon', 'on the due date'],
    ['2026-02-25 17:00', 'due_soon', 'at the deadline itself: not late yet'],
    ['2026-02-25 17:01', 'late', 'a minute after'],
    ['2026-03-02 09:00', 'late', 'days after'],
  ])('at %s → %s (%s)', (now, expected) => {
    expect(deadlineStatus({ calendar, now: at(now), dueAt })).toBe(expected);
  });

  it('counts the warning window in office time, so Tết does not eat it', () => {
    // Due Mon 23 Feb 2026 09:30; on Fri 13 Feb 16:00 only 60 + 120 office minutes remain.
    const due = at('2026-02-23 09:30');
    expect(deadlineStatus({ calendar, now: at('2026-02-13 16:00'), dueAt: due })).toBe('due_soon');
    expect(deadlineStatus({ calendar, now: at('2026-02-12 16:00'), dueAt: due })).toBe('on_time');
  });

  it('takes a custom window', () => {
    const now = at('2026-02-25 09:00'); // 480 − 90 = 390 office minutes left on the due date
    expect(deadlineStatus({ calendar, now, dueAt, dueSoonWorkingMinutes: 120 })).toBe('on_time');
    expect(deadlineStatus({ calendar, now, dueAt, dueSoonWorkingMinutes: 390 })).toBe('due_soon');
  });

  it('defaults the window to one working day of the office hours given', () => {
    const shortDay: OfficeHours = { morning: [8 * 60, 12 * 60], afternoon: [13 * 60, 15 * 60] }; // 360 min
    const now = at('2026-02-24 14:00'); // Tue 14:00–15:00 + Wed 08:00–15:00 → 60 + 360 = 420
    const due = at('2026-02-25 15:00');
    expect(deadlineStatus({ calendar, now, dueAt: due, officeHours: shortDay })).toBe('on_time');
    expect(deadlineStatus({ calendar, now: at('2026-02-24 15:00'), dueAt: due, officeHours: shortDay })).toBe(
      'due_soon',
    );
  });

  it('refuses a negative window', () => {
    expect(() => deadlineStatus({ calendar, now: dueAt, dueAt, dueSoonWorkingMinutes: -1 })).toThrow(
      ValidationError,
    );
  });
});

describe('timeliness on the processing control slip', () => {
  const dueAt = at('2026-02-25 17:00');

  it.each([
    ['2026-02-24 16:00', 'early', 'the day before the due date'],
    ['2026-02-25 07:45', 'on_time', 'on the due date, in the morning'],
    ['2026-02-25 17:00', 'on_time', 'at the deadline'],
    ['2026-02-25 17:30', 'late', 'after the deadline, same date'],
    ['2026-02-26 08:00', 'late', 'the next day'],
    ['2026-02-24 23:59', 'early', 'late at night before, Vietnamese date'],
  ])('finished %s → %s (%s)', (finishedAt, expected) => {
    expect(timeliness(at(finishedAt), dueAt)).toBe(expected);
  });

  it('compares Vietnamese dates, not UTC ones', () => {
    // 00:30 on 25 Feb in Hà Nội is still 24 Feb in UTC; it is on the due date, so on time.
    expect(timeliness(new Date('2026-02-24T17:30:00Z'), dueAt)).toBe('on_time');
  });
});
