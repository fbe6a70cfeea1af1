import { describe, expect, it } from 'vitest';
import { at, wallClock } from '../../test/wall-clock.ts';
import { ValidationError } from '../errors.ts';
import { computeDeadline, type Duration, type Pause } from './deadline.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar();

const wd = (value: number): Duration => ({ value, unit: 'working_days' });
const cd = (value: number): Duration => ({ value, unit: 'calendar_days' });
const wh = (value: number): Duration => ({ value, unit: 'working_hours' });
const mo = (value: number): Duration => ({ value, unit: 'months' });

function due(
  receivedAt: string,
  duration: Duration,
  extra: { cutoff?: number; pauses?: Pause[]; now?: string } = {},
) {
  const result = computeDeadline({
    calendar,
    receivedAt: at(receivedAt),
    duration,
    ...(extra.cutoff === undefined ? {} : { sameDayCutoffMinutes: extra.cutoff }),
    ...(extra.pauses ? { pauses: extra.pauses } : {}),
    ...(extra.now ? { now: at(extra.now) } : {}),
  });
  return { ...result, start: wallClock(result.clockStartedAt), end: wallClock(result.dueAt) };
}

describe('working days over real 2025–2026 dates', () => {
  it.each([
    // [received, N, clock start, due, how]
    ['2026-02-13 10:00', 3, '2026-02-13 10:00', '2026-02-25 17:00', 'Tết 14–22 Feb off → 23, 24, 25 Feb'],
    [
      '2025-12-31 16:00',
      2,
      '2025-12-31 16:00',
      '2026-01-06 17:00',
      '1–4 Jan 2026 off (2 Jan swapped) → 5, 6 Jan',
    ],
    [
      '2025-03-11 17:30',
      1,
      '2025-03-12 07:30',
      '2025-03-13 17:00',
      'after hours: receipt day Wed 12 → Thu 13',
    ],
    ['2025-03-11 07:00', 1, '2025-03-11 07:30', '2025-03-12 17:00', 'before opening: still received Tue 11'],
    ['2025-03-11 12:10', 1, '2025-03-11 13:00', '2025-03-12 17:00', 'lunch: the receipt day is still Tue 11'],
    ['2025-03-15 09:00', 2, '2025-03-17 07:30', '2025-03-19 17:00', 'Saturday: receipt day Mon 17 → 18, 19'],
    ['2026-01-09 10:00', 1, '2026-01-09 10:00', '2026-01-10 17:00', 'the working Saturday 10 Jan counts'],
    ['2026-01-08 10:00', 3, '2026-01-08 10:00', '2026-01-12 17:00', 'Fri 9, Sat 10 (worked), Mon 12'],
    [
      '2026-01-09 18:00',
      1,
      '2026-01-10 07:30',
      '2026-01-12 17:00',
      'Friday evening: received Sat 10 → Mon 12',
    ],
    [
      '2026-04-24 10:00',
      1,
      '2026-04-24 10:00',
      '2026-04-28 17:00',
      'Sat, Sun, compensatory Mon 27 Apr → Tue 28',
    ],
    [
      '2026-04-24 10:00',
      3,
      '2026-04-24 10:00',
      '2026-05-04 17:00',
      '28, 29 Apr; 30 Apr–3 May off → Mon 4 May',
    ],
    ['2025-08-29 10:00', 1, '2025-08-29 10:00', '2025-09-03 17:00', '30 Aug–2 Sep 2025 off → Wed 3 Sep'],
    ['2025-04-25 10:00', 1, '2025-04-25 10:00', '2025-04-26 17:00', 'make-up Saturday 26 Apr 2025 counts'],
    [
      '2025-04-25 10:00',
      4,
      '2025-04-25 10:00',
      '2025-05-05 17:00',
      '26, 28, 29 Apr; 30 Apr–4 May off → 5 May',
    ],
    ['2026-08-21 10:00', 2, '2026-08-21 10:00', '2026-08-24 17:00', 'Sat 22 Aug 2026 worked, Mon 24'],
    ['2026-08-28 10:00', 1, '2026-08-28 10:00', '2026-09-03 17:00', '29 Aug–2 Sep 2026 off → Thu 3 Sep'],
    [
      '2026-02-17 09:00',
      1,
      '2026-02-23 07:30',
      '2026-02-24 17:00',
      'received during Tết: receipt day Mon 23',
    ],
    ['2025-03-03 10:00', 0, '2025-03-03 10:00', '2025-03-03 17:00', '0 days: the close of the receipt day'],
  ])('received %s, %i working days → due %s', (receivedAt, n, start, end) => {
    const result = due(receivedAt, wd(n));
    expect(result.start).toBe(start);
    expect(result.end).toBe(end);
    expect(result.dueDate).toBe(end.slice(0, 10));
    expect(result.pausedWorkingMinutes).toBe(0);
  });
});

describe('calendar days and months', () => {
  it.each([
    ['2026-02-09 10:00', cd(7), '2026-02-23 17:00', '16 Feb is Tết → next working day Mon 23'],
    ['2025-04-21 10:00', cd(10), '2025-05-05 17:00', '1 May; 2 May swapped; weekend → Mon 5 May'],
    ['2025-03-05 10:00', cd(4), '2025-03-10 17:00', 'Sun 9 Mar → Mon 10'],
    ['2025-04-16 10:00', cd(10), '2025-04-26 17:00', 'lands on the make-up Saturday: worked'],
    ['2025-03-11 17:30', cd(1), '2025-03-13 17:00', 'after hours: counted from Wed 12 → Thu 13'],
    [
      '2026-03-31 10:00',
      mo(1),
      '2026-05-04 17:00',
      '31 Mar + 1 month = 30 Apr (clamped), holiday → Mon 4 May',
    ],
    ['2025-10-31 10:00', mo(1), '2025-12-01 17:00', '30 Nov 2025 is a Sunday → Mon 1 Dec'],
    ['2025-12-31 10:00', mo(2), '2026-03-02 17:00', '28 Feb 2026 (clamped) is a Saturday → Mon 2 Mar'],
    ['2025-01-31 10:00', mo(1), '2025-03-03 17:00', 'received on Tết: receipt day Mon 3 Feb → 3 Mar'],
    ['2025-03-14 10:00', mo(12), '2026-03-16 17:00', '14 Mar 2026 is a Saturday → Mon 16'],
  ])('received %s, %o → due %s (%s)', (receivedAt, duration, end) => {
    const result = due(receivedAt, duration);
    expect(result.end).toBe(end);
    expect(calendar.isWorkingDay(result.dueDate)).toBe(true);
  });
});

describe('working hours', () => {
  it.each([
    ['2025-03-03 10:00', 8, '2025-03-04 10:00', '330 min on Mon, 150 on Tue'],
    ['2026-02-13 16:00', 8, '2026-02-23 16:00', '60 min on Fri; Tết; 420 on Mon 23 Feb'],
    ['2025-03-03 12:00', 2, '2025-03-03 15:00', 'received at lunch: counted from 13:00'],
    ['2025-03-03 17:45', 1.5, '2025-03-04 09:00', 'after hours: from Tue 07:30'],
    ['2025-03-03 07:30', 8, '2025-03-03 17:00', 'a full day ends at 17:00, not the next morning'],
    ['2025-03-03 10:00', 0, '2025-03-03 10:00', 'nothing to do: due at once'],
  ])('received %s, %d working hours → due %s (%s)', (receivedAt, hours, end) => {
    expect(due(receivedAt, wh(hours)).end).toBe(end);
  });
});

describe('same-day procedures and the cut-off', () => {
  const cutoff = 15 * 60;

  it.each<[string, Duration, number | undefined, string, string]>([
    ['2025-03-03 14:59', wd(0), undefined, '2025-03-03 17:00', 'no cut-off given'],
    ['2025-03-03 15:30', wd(0), undefined, '2025-03-03 17:00', 'no cut-off given'],
    ['2025-03-03 14:59', wd(0), cutoff, '2025-03-03 17:00', 'before the cut-off: same day'],
    ['2025-03-03 15:00', wd(0), cutoff, '2025-03-04 17:00', 'at the cut-off: next working day'],
    ['2025-03-07 15:30', wd(0), cutoff, '2025-03-10 17:00', 'Friday after the cut-off → Monday'],
    ['2025-03-03 15:30', wh(1), cutoff, '2025-03-04 08:30', 'one hour after the cut-off: from Tue 07:30'],
    ['2025-03-03 15:30', wh(1), undefined, '2025-03-03 16:30', 'one hour, no cut-off: same day'],
    [
      '2025-03-03 15:30',
      wh(4),
      cutoff,
      '2025-03-04 10:00',
      'not a same-day result: the cut-off does not apply',
    ],
    ['2025-03-03 15:30', wd(1), cutoff, '2025-03-04 17:00', 'multi-day procedures ignore the cut-off'],
  ])('received %s, %o, cut-off %s → due %s (%s)', (receivedAt, duration, cut, end) => {
    expect(due(receivedAt, duration, cut === undefined ? {} : { cutoff: cut }).end).toBe(end);
  });
});

describe('pauses', () => {
  // Base: received Mon 3 Mar 2025 10:00, 5 working days → 4, 5, 6, 7, 10 Mar → due Mon 10 Mar 17:00.
  const base = '2025-03-03 10:00';
  const pause = (from: string, to: string | null): Pause => ({
    from: at(from),
    to: to === null ? null : at(to),
  });

  it('without pauses', () => {
    expect(due(base, wd(5)).end).toBe('2025-03-10 17:00');
  });

  it.each([
    [
      'two working days push it two working days',
      [pause('2025-03-04 07:30', '2025-03-06 07:30')],
      '2025-03-12 17:00',
      960,
    ],
    [
      'a pause entirely on a weekend changes nothing',
      [pause('2025-03-08 08:00', '2025-03-09 20:00')],
      '2025-03-10 17:00',
      0,
    ],
    // Tue 16:00–17:00 + Wed 07:30–08:30 = 120 min; from Mon 10 Mar 17:00 → Tue 11 Mar 07:30 + 120.
    [
      'office minutes across a night',
      [pause('2025-03-04 16:00', '2025-03-05 08:30')],
      '2025-03-11 09:30',
      120,
    ],
    [
      'a pause after the deadline changes nothing',
      [pause('2025-03-11 09:00', '2025-03-14 09:00')],
      '2025-03-10 17:00',
      0,
    ],
    // Only 10:00–11:00 on Mon 3 Mar falls after receipt: 60 min → Tue 11 Mar 08:30.
    [
      'time before receipt is not counted',
      [pause('2025-03-01 09:00', '2025-03-03 11:00')],
      '2025-03-11 08:30',
      60,
    ],
    [
      'overlapping pauses are counted once',
      [pause('2025-03-04 07:30', '2025-03-05 07:30'), pause('2025-03-04 13:00', '2025-03-06 07:30')],
      '2025-03-12 17:00',
      960,
    ],
    [
      // First (4 Mar, 480 min) moves the due date to Tue 11 Mar 17:00; the second starts before that,
      // Mon 10 Mar 13:00 → Wed 12 Mar 13:00 = 240 + 480 + 240 = 960 min → Thu 13 Mar 17:00.
      'a later pause counts when it starts before the moved deadline, in any order',
      [pause('2025-03-10 13:00', '2025-03-12 13:00'), pause('2025-03-04 07:30', '2025-03-05 07:30')],
      '2025-03-13 17:00',
      1440,
    ],
  ])('%s', (_case, pauses, end, paused) => {
    const result = due(base, wd(5), { pauses: pauses as Pause[] });
    expect(result.end).toBe(end);
    expect(result.pausedWorkingMinutes).toBe(paused);
  });

  it('moves across a holiday by working time only', () => {
    // Received Fri 25 Apr 2025 10:00, 5 WD → 26, 28, 29 Apr, 5, 6 May → due Tue 6 May 17:00.
    // Pause Tue 29 Apr 07:30 → Tue 6 May 07:30: 29 Apr and 5 May are worked → 960 min → Thu 8 May.
    const result = due('2025-04-25 10:00', wd(5), {
      pauses: [pause('2025-04-29 07:30', '2025-05-06 07:30')],
    });
    expect(result.end).toBe('2025-05-08 17:00');
    expect(result.pausedWorkingMinutes).toBe(960);
  });

  it('treats an open pause as ending now', () => {
    // Paused Wed 5 Mar 10:00 until now, Thu 6 Mar 10:00: 90 + 240 + 150 = 480 min → one working day later.
    const result = due(base, wd(5), { pauses: [pause('2025-03-05 10:00', null)], now: '2025-03-06 10:00' });
    expect(result.end).toBe('2025-03-11 17:00');
    expect(result.pausedWorkingMinutes).toBe(480);
  });

  it('needs now for an open pause', () => {
    expect(() => due(base, wd(5), { pauses: [pause('2025-03-05 10:00', null)] })).toThrow(ValidationError);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() => due(base, wd(5), { pauses: [pause('2025-03-05 10:00', '2025-03-05 09:00')] })).toThrow(
      ValidationError,
    );
  });
});

describe('tenant overrides', () => {
  it('a local day off and a local working Saturday move the deadline', () => {
    const tenant = createWorkingCalendar({
      overrides: [
        { date: '2025-03-12', kind: 'off', name: { vi: 'Lễ hội địa phương' } },
        { date: '2025-03-15', kind: 'working' },
      ],
    });
    const compute = (receivedAt: string, n: number) =>
      wallClock(computeDeadline({ calendar: tenant, receivedAt: at(receivedAt), duration: wd(n) }).dueAt);
    expect(compute('2025-03-11 10:00', 1)).toBe('2025-03-13 17:00'); // 12 Mar closed locally
    expect(compute('2025-03-14 10:00', 1)).toBe('2025-03-15 17:00'); // Sat 15 Mar open locally
    expect(compute('2025-03-11 10:00', 4)).toBe('2025-03-17 17:00'); // 13, 14, 15, 17
  });
});

describe('input validation', () => {
  it.each<[string, Duration]>([
    ['negative days', wd(-1)],
    ['fractional days', wd(1.5)],
    ['fractional months', mo(0.5)],
    ['an absurd length', cd(100_000)],
    ['NaN hours', wh(Number.NaN)],
    ['an unknown unit', { value: 1, unit: 'weeks' as Duration['unit'] }],
  ])('refuses %s', (_case, duration) => {
    expect(() => due('2025-03-03 10:00', duration)).toThrow(ValidationError);
  });

  it('refuses an invalid receipt time', () => {
    expect(() => computeDeadline({ calendar, receivedAt: new Date(Number.NaN), duration: wd(1) })).toThrow(
      ValidationError,
    );
  });

  it('refuses a cut-off outside the day', () => {
    expect(() => due('2025-03-03 10:00', wd(0), { cutoff: 25 * 60 })).toThrow(ValidationError);
  });
});
