// Which civil dates an agency works: Monday–Friday, minus the national days off, plus the national
// make-up Saturdays, with the tenant's own overrides winning over both.
import { ValidationError } from '../errors.ts';
import {
  type CalendarOverride,
  type NationalYear,
  parseCalendarOverrides,
  parseNationalYears,
} from './calendar-schema.ts';
import { addCalendarDays, assertCivilDate, type CivilDate, getYear, isWeekend } from './civil-date.ts';
import { NATIONAL_CALENDAR } from './national-calendar.ts';

export type DayReason =
  | 'weekday'
  | 'weekend'
  | 'national_day_off'
  | 'national_working_saturday'
  | 'tenant_day_off'
  | 'tenant_working_day';

export interface DayDescription {
  date: CivilDate;
  isWorkingDay: boolean;
  reason: DayReason;
  /** Set for national days and for named tenant overrides; `en` may be missing on a tenant's day. */
  name?: { vi: string; en?: string };
  basis?: string;
  provisional?: boolean;
  /**
   * False when the date's year has no national data: only the weekend rule (and tenant overrides)
   * applied, so holidays of that year are unknown to the calendar.
   */
  isYearCovered: boolean;
}

export interface WorkingCalendar {
  isWorkingDay(date: CivilDate): boolean;
  /** Why a day is worked or not, for the UI. */
  describeDay(date: CivilDate): DayDescription;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: CivilDate): CivilDate;
  /** The `days`-th working day strictly after `date`; `date` itself when `days` is 0. */
  addWorkingDays(date: CivilDate, days: number): CivilDate;
  /** Working days in (from, to]: the first day is not counted, the last is. 0 when `to` ≤ `from`. */
  countWorkingDays(from: CivilDate, to: CivilDate): number;
  /** Years with national data; dates outside them follow the weekend rule only. */
  readonly coveredYears: readonly number[];
}

export interface CreateWorkingCalendarInput {
  /** National data per year; defaults to the shipped NATIONAL_CALENDAR. */
  years?: readonly NationalYear[];
  overrides?: readonly CalendarOverride[];
}

type Entry = Omit<DayDescription, 'date' | 'isYearCovered'>;

// A run of this many consecutive days off would mean broken data (every day overridden off); stop
// instead of looping for ever.
const MAX_CONSECUTIVE_DAYS_OFF = 366;

/**
 * The built-in national calendar, checked and indexed once: every deadline computation builds a
 * calendar (with the agency's overrides), and checking the same data each time cost ~1 ms.
 */
let builtIn: { coveredYears: number[]; national: ReturnType<typeof indexNationalDays> } | undefined;

function nationalIndex(given: CreateWorkingCalendarInput['years']) {
  if (given === undefined && builtIn) return builtIn;
  const years = parseNationalYears(given ?? NATIONAL_CALENDAR);
  const index = {
    coveredYears: years.map((y) => y.year).sort((a, b) => a - b),
    national: indexNationalDays(years),
  };
  if (given === undefined) builtIn = index;
  return index;
}

export function createWorkingCalendar(input: CreateWorkingCalendarInput = {}): WorkingCalendar {
  const { coveredYears, national } = nationalIndex(input.years);
  const overrides = parseCalendarOverrides(input.overrides ?? []);
  const tenant = new Map<CivilDate, Entry>(
    overrides.map((o) => [
      o.date,
      {
        isWorkingDay: o.kind === 'working',
        reason: o.kind === 'working' ? 'tenant_working_day' : 'tenant_day_off',
        ...(o.name ? { name: o.name } : {}),
        ...(o.basis ? { basis: o.basis } : {}),
      },
    ]),
  );

  function describeDay(date: CivilDate): DayDescription {
    const isYearCovered = coveredYears.includes(getYear(date));
    const entry = tenant.get(date) ?? national.get(date);
    if (entry) return { date, ...entry, isYearCovered };
    const weekend = isWeekend(date);
    return { date, isWorkingDay: !weekend, reason: weekend ? 'weekend' : 'weekday', isYearCovered };
  }

  function isWorkingDay(date: CivilDate): boolean {
    assertCivilDate(date);
    const entry = tenant.get(date) ?? national.get(date);
    return entry ? entry.isWorkingDay : !isWeekend(date);
  }

  function nextWorkingDay(date: CivilDate): CivilDate {
    let day = assertCivilDate(date);
    for (let i = 0; i < MAX_CONSECUTIVE_DAYS_OFF; i++) {
      day = addCalendarDays(day, 1);
      if (isWorkingDay(day)) return day;
    }
    throw new ValidationError(
      `No working day within a year after ${date}; check the calendar overrides.`,
      { date },
      'calendar_without_working_days',
    );
  }

  function addWorkingDays(date: CivilDate, days: number): CivilDate {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new ValidationError('A number of working days must be a whole number, 0 or more.', { days });
    }
    let day = assertCivilDate(date);
    for (let i = 0; i < days; i++) day = nextWorkingDay(day);
    return day;
  }

  function countWorkingDays(from: CivilDate, to: CivilDate): number {
    let count = 0;
    for (let day = addCalendarDays(from, 1); day <= assertCivilDate(to); day = addCalendarDays(day, 1)) {
      if (isWorkingDay(day)) count++;
    }
    return count;
  }

  return { isWorkingDay, describeDay, nextWorkingDay, addWorkingDays, countWorkingDays, coveredYears };
}

function indexNationalDays(years: readonly NationalYear[]): Map<CivilDate, Entry> {
  const index = new Map<CivilDate, Entry>();
  for (const year of years) {
    for (const { date, name, basis, provisional } of year.daysOff) {
      index.set(date, {
        isWorkingDay: false,
        reason: 'national_day_off',
        name,
        basis,
        ...(provisional ? { provisional } : {}),
      });
    }
    for (const { date, name, basis, provisional } of year.workingSaturdays) {
      index.set(date, {
        isWorkingDay: true,
        reason: 'national_working_saturday',
        name,
        basis,
        ...(provisional ? { provisional } : {}),
      });
    }
  }
  return index;
}
