// The shapes of calendar data an admin can edit: a year of the national civil-service calendar and a
// tenant's own overrides. Parsed here so the API, the seed data and the calendar share one definition.
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { toFieldProblems } from '../field-problem.ts';
import { getWeekday, getYear, isCivilDate } from './civil-date.ts';

const civilDate = z.string().refine(isCivilDate, { message: 'Expected a real date written YYYY-MM-DD' });

export const localizedName = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });
export type LocalizedName = z.infer<typeof localizedName>;

export const namedDay = z.object({
  date: civilDate,
  name: localizedName,
  /** The legal document the day rests on, quoted for people who check it. */
  basis: z.string().trim().min(1),
  /** True while the day follows the law only and the yearly decision has not confirmed it. */
  provisional: z.boolean().optional(),
});
export type NamedDay = z.infer<typeof namedDay>;

export const nationalYear = z
  .object({
    year: z.int().min(2000).max(2100),
    /** Weekdays (Mon–Fri) civil servants do not work: holidays, compensatory and swapped days. */
    daysOff: z.array(namedDay),
    /** Saturdays civil servants work to make up for a swapped weekday. */
    workingSaturdays: z.array(namedDay),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    const check = (day: NamedDay, path: (string | number)[], isAllowedWeekday: boolean, rule: string) => {
      if (!isCivilDate(day.date)) return;
      if (getYear(day.date) !== value.year) {
        ctx.addIssue({ code: 'custom', path, message: `${day.date} is not in ${value.year}` });
      }
      if (!isAllowedWeekday) ctx.addIssue({ code: 'custom', path, message: `${day.date} ${rule}` });
      if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path, message: `${day.date} is listed twice` });
      seen.add(day.date);
    };
    value.daysOff.forEach((day, i) => {
      const weekday = isCivilDate(day.date) ? getWeekday(day.date) : 1;
      check(day, ['daysOff', i, 'date'], weekday !== 0 && weekday !== 6, 'is a weekend day, already off');
    });
    value.workingSaturdays.forEach((day, i) => {
      const weekday = isCivilDate(day.date) ? getWeekday(day.date) : 6;
      check(day, ['workingSaturdays', i, 'date'], weekday === 6, 'is not a Saturday');
    });
  });
export type NationalYear = z.infer<typeof nationalYear>;

export const calendarOverride = z.object({
  date: civilDate,
  /** 'off': the agency closes on a day that would be worked; 'working': it opens on a day off. */
  kind: z.enum(['off', 'working']),
  /** Tenants often name a local day in Vietnamese only. */
  name: z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1).optional() }).optional(),
  basis: z.string().trim().min(1).optional(),
});
export type CalendarOverride = z.infer<typeof calendarOverride>;

export function parseNationalYears(input: unknown): NationalYear[] {
  const result = z.array(nationalYear).safeParse(input);
  if (!result.success) {
    throw new ValidationError(
      'The national calendar data is invalid.',
      toFieldProblems(result.error),
      'invalid_calendar',
    );
  }
  const years = result.data.map((y) => y.year);
  const duplicate = years.find((year, i) => years.indexOf(year) !== i);
  if (duplicate !== undefined) {
    throw new ValidationError(
      `The national calendar lists ${duplicate} twice.`,
      [{ path: 'year', message: `${duplicate} is listed twice` }],
      'invalid_calendar',
    );
  }
  return result.data;
}

export function parseCalendarOverrides(input: unknown): CalendarOverride[] {
  const result = z.array(calendarOverride).safeParse(input);
  if (!result.success) {
    throw new ValidationError(
      'The calendar overrides are invalid.',
      toFieldProblems(result.error),
      'invalid_calendar',
    );
  }
  const dates = result.data.map((o) => o.date);
  const duplicate = dates.find((date, i) => dates.indexOf(date) !== i);
  if (duplicate !== undefined) {
    // Two overrides for one day would make the answer depend on their order; refuse instead.
    throw new ValidationError(
      `The calendar overrides list ${duplicate} twice.`,
      [{ path: 'date', message: `${duplicate} is listed twice` }],
      'invalid_calendar',
    );
  }
  return result.data;
}
