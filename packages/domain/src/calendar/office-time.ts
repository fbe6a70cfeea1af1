// Office time: the minutes inside office hours on working days. Counted in whole milliseconds so
// that adding then measuring gives back exactly what was added.
import { ValidationError } from '../errors.ts';
import { addCalendarDays, assertInstant, type CivilDate, fromLocalMs, toLocalMs } from './civil-date.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** Minutes of the local day, [start, end). */
export type OfficeInterval = readonly [start: number, end: number];

export interface OfficeHours {
  morning: OfficeInterval;
  afternoon: OfficeInterval;
}

/** 07:30–11:30 and 13:00–17:00: 8 hours, the civil-service day most one-stop desks keep. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  morning: [7 * 60 + 30, 11 * 60 + 30],
  afternoon: [13 * 60, 17 * 60],
};

const MS_PER_MINUTE = 60_000;

export function assertOfficeHours(hours: OfficeHours): OfficeHours {
  const [ms, me] = hours.morning;
  const [as, ae] = hours.afternoon;
  const bounds = [ms, me, as, ae];
  if (!bounds.every(Number.isInteger) || !(0 <= ms && ms < me && me <= as && as < ae && ae <= 24 * 60)) {
    throw new ValidationError(
      'Office hours must be whole minutes with the morning before the afternoon, within one day.',
      { morning: hours.morning, afternoon: hours.afternoon },
      'invalid_office_hours',
    );
  }
  return hours;
}

export function getOfficeMinutesPerDay(hours: OfficeHours = DEFAULT_OFFICE_HOURS): number {
  const { morning, afternoon } = assertOfficeHours(hours);
  return morning[1] - morning[0] + (afternoon[1] - afternoon[0]);
}

function intervalsMs(hours: OfficeHours): [number, number][] {
  const { morning, afternoon } = assertOfficeHours(hours);
  return [morning, afternoon].map(([s, e]) => [s * MS_PER_MINUTE, e * MS_PER_MINUTE]);
}

/** Whether the instant falls inside office hours on a working day. */
export function isOfficeTime(
  calendar: WorkingCalendar,
  instant: Date,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): boolean {
  const { date, msOfDay } = toLocalMs(instant);
  return calendar.isWorkingDay(date) && intervalsMs(hours).some(([s, e]) => s <= msOfDay && msOfDay < e);
}

/**
 * The first office instant at or after `instant`: itself inside office hours, else the start of the
 * next office interval (after lunch, or the next working morning).
 */
export function findNextOfficeTime(
  calendar: WorkingCalendar,
  instant: Date,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Date {
  const intervals = intervalsMs(hours);
  let { date, msOfDay } = toLocalMs(instant);
  if (!calendar.isWorkingDay(date)) ({ date, msOfDay } = { date: calendar.nextWorkingDay(date), msOfDay: 0 });
  for (;;) {
    for (const [s, e] of intervals) {
      if (msOfDay < e) return fromLocalMs(date, Math.max(s, msOfDay));
    }
    ({ date, msOfDay } = { date: calendar.nextWorkingDay(date), msOfDay: 0 });
  }
}

/**
 * Office minutes on working days in [from, to); 0 when `to` is not after `from`. Fractional when
 * the instants carry seconds. Decree 45/2020/NĐ-CP gives 8 working hours to receive or
 * answer an online dossier; this is the measure for it.
 */
export function workingMinutesBetween(
  calendar: WorkingCalendar,
  from: Date,
  to: Date,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): number {
  const intervals = intervalsMs(hours);
  const start = toLocalMs(from);
  const end = toLocalMs(to);
  if (assertInstant(to).getTime() <= from.getTime()) return 0;
  let totalMs = 0;
  for (let date: CivilDate = start.date; date <= end.date; date = addCalendarDays(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    const lo = date === start.date ? start.msOfDay : 0;
    const hi = date === end.date ? end.msOfDay : Number.POSITIVE_INFINITY;
    for (const [s, e] of intervals) totalMs += Math.max(0, Math.min(e, hi) - Math.max(s, lo));
  }
  return totalMs / MS_PER_MINUTE;
}

/**
 * The instant reached after `minutes` office minutes from `from` (skipping lunch, evenings and days
 * off). Ending exactly at the close of an interval gives that close (17:00), not the next morning.
 * 0 minutes gives `from` unchanged.
 */
export function addWorkingMinutes(
  calendar: WorkingCalendar,
  from: Date,
  minutes: number,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new ValidationError('Working minutes to add must be a number, 0 or more.', { minutes });
  }
  assertInstant(from, 'from');
  // Minutes are counted in whole milliseconds: an amount that rounds to none adds none (and must
  // not move an instant at a closing time on to the next opening).
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  if (remaining === 0) return new Date(from.getTime());
  const intervals = intervalsMs(hours);
  let { date, msOfDay } = toLocalMs(from);
  if (!calendar.isWorkingDay(date)) ({ date, msOfDay } = { date: calendar.nextWorkingDay(date), msOfDay: 0 });
  for (;;) {
    for (const [s, e] of intervals) {
      const start = Math.max(s, msOfDay);
      if (start >= e) continue;
      if (remaining <= e - start) return fromLocalMs(date, start + remaining);
      remaining -= e - start;
    }
    ({ date, msOfDay } = { date: calendar.nextWorkingDay(date), msOfDay: 0 });
  }
}
