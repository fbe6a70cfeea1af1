// Civil dates ('YYYY-MM-DD') and minutes-of-day in Asia/Ho_Chi_Minh. Vietnam is UTC+7 all year with
// no daylight saving, so a fixed offset is exact and no time-zone database is needed. Instants (`Date`)
// are converted only at the edges, with `toLocal` and `fromLocal`.
import { ValidationError } from '../errors.ts';

/** A civil date in Vietnam, 'YYYY-MM-DD'. */
export type CivilDate = string;

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
export const MINUTES_PER_DAY = 24 * 60;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday, as Date#getUTCDay

/** Days since 1970-01-01 for a valid civil date; the one arithmetic base for every other helper. */
function toEpochDay(date: CivilDate): number {
  const match = CIVIL_DATE.exec(date);
  if (match) {
    const [, y, m, d] = match;
    const epochMs = Date.UTC(Number(y), Number(m) - 1, Number(d));
    // Date.UTC rolls 2025-02-30 over to March; a round trip catches it.
    if (formatEpochDay(epochMs / MS_PER_DAY) === date) return epochMs / MS_PER_DAY;
  }
  throw new ValidationError(`Not a valid date: ${date}`, { date }, 'invalid_date');
}

function formatEpochDay(epochDay: number): CivilDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isCivilDate(value: string): boolean {
  try {
    toEpochDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Throws ValidationError unless `date` is a real calendar date written 'YYYY-MM-DD'. */
export function assertCivilDate(date: CivilDate): CivilDate {
  toEpochDay(date);
  return date;
}

export function getWeekday(date: CivilDate): Weekday {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay() as Weekday;
}

export function isWeekend(date: CivilDate): boolean {
  const weekday = getWeekday(date);
  return weekday === 0 || weekday === 6;
}

export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  return formatEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function countCalendarDays(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The same day of the month `months` months later, clamped to the last day of a shorter month
 * (31 Jan + 1 month = 28 or 29 Feb), the usual reading of a term "counted in months".
 */
export function addCalendarMonths(date: CivilDate, months: number): CivilDate {
  assertCivilDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function getYear(date: CivilDate): number {
  return Number(assertCivilDate(date).slice(0, 4));
}

export interface LocalTime {
  date: CivilDate;
  /** Minutes since local midnight, 0–1439, with the fraction of a minute kept. */
  minutes: number;
}

export function assertInstant(instant: Date, field = 'instant'): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new ValidationError(`${field} is not a valid point in time`, { field }, 'invalid_instant');
  }
  return instant;
}

/** The Vietnamese civil date and minute of day of an instant. */
export function toLocal(instant: Date): LocalTime {
  const { date, msOfDay } = toLocalMs(instant);
  return { date, minutes: msOfDay / MS_PER_MINUTE };
}

/** The instant at `minutes` past local midnight of `date` in Vietnam (minutes may reach 1440). */
export function fromLocal(date: CivilDate, minutes: number): Date {
  return fromLocalMs(date, Math.round(minutes * MS_PER_MINUTE));
}

// Millisecond forms of toLocal/fromLocal for the office-time arithmetic, which must stay exact in
// integers (a fractional minute such as 1/60 is not exact in floating point). Not re-exported.
export function toLocalMs(instant: Date): { date: CivilDate; msOfDay: number } {
  const localMs = assertInstant(instant).getTime() + OFFSET_MS;
  const epochDay = Math.floor(localMs / MS_PER_DAY);
  return { date: formatEpochDay(epochDay), msOfDay: localMs - epochDay * MS_PER_DAY };
}

export function fromLocalMs(date: CivilDate, msOfDay: number): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY + msOfDay - OFFSET_MS);
}
