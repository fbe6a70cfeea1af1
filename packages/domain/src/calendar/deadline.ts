// The appointment date of a dossier (ngày hẹn trả kết quả), from the moment a complete dossier is
// received, the procedure's duration and the supplement pauses.
//
// Rules (one-stop mechanism, Decree 61/2018/NĐ-CP as amended by 107/2021/NĐ-CP, now Decree
// 118/2025/NĐ-CP; the resolution clock starts at receipt of a complete dossier):
// - The clock starts at the first office minute at or after receipt. A dossier received after the
//   afternoon close, before the morning opening or on a day off counts as received at the opening of
//   the next working day, and that day D is the receipt day (the common desk practice).
// - The receipt day is not counted: N working days end at the close of the N-th working day after D.
// - Calendar days: D + N; months: the same day N months later, clamped to the month's end. Either
//   way a result on a day off moves to the next working day, and the deadline is that day's close.
// - Working hours: N × 60 office minutes from the clock start.
// - Same-day procedures (due on D itself) received at or after the tenant's cut-off count from the
//   next working day.
// - Pauses (supplement requests and the like) are excluded in office time: the clock stops at the
//   pause start with R office minutes left and, when the pause ends, the deadline is R office minutes
//   later. An open pause (`to: null`) needs `now` and is treated as ending at `now`, so the deadline
//   shown while a dossier waits is the earliest it can still be.
import { ValidationError } from '../errors.ts';
import {
  addCalendarDays,
  addCalendarMonths,
  assertInstant,
  type CivilDate,
  fromLocal,
  toLocal,
} from './civil-date.ts';
import {
  addWorkingMinutes,
  assertOfficeHours,
  DEFAULT_OFFICE_HOURS,
  findNextOfficeTime,
  type OfficeHours,
  workingMinutesBetween,
} from './office-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export type DurationUnit = 'working_days' | 'calendar_days' | 'working_hours' | 'months';

export interface Duration {
  value: number;
  unit: DurationUnit;
}

export interface Pause {
  from: Date;
  /** null while still paused. */
  to: Date | null;
}

export interface ComputeDeadlineInput {
  calendar: WorkingCalendar;
  receivedAt: Date;
  duration: Duration;
  officeHours?: OfficeHours;
  /** Minutes of the day, e.g. 15 * 60; only for procedures due on the receipt day. */
  sameDayCutoffMinutes?: number;
  pauses?: readonly Pause[];
  /** Needed only when a pause is still open. */
  now?: Date;
}

export interface Deadline {
  clockStartedAt: Date;
  dueAt: Date;
  /** The local (Vietnam) date of dueAt. */
  dueDate: CivilDate;
  /** Office minutes inside the pauses that moved the deadline. */
  pausedWorkingMinutes: number;
}

// Far beyond any procedure in the national catalogue; guards against a typo looping for years.
const MAX_DURATION: Record<DurationUnit, number> = {
  working_days: 1000,
  calendar_days: 3660,
  months: 120,
  working_hours: 8000,
};

export function computeDeadline(input: ComputeDeadlineInput): Deadline {
  const { calendar, duration } = input;
  const hours = assertOfficeHours(input.officeHours ?? DEFAULT_OFFICE_HOURS);
  assertDuration(duration);
  assertInstant(input.receivedAt, 'receivedAt');

  let clockStartedAt = findNextOfficeTime(calendar, input.receivedAt, hours);
  let dueAt = computeUnpausedDue(calendar, clockStartedAt, duration, hours);
  const cutoff = input.sameDayCutoffMinutes;
  if (cutoff !== undefined) {
    assertCutoff(cutoff);
    const start = toLocal(clockStartedAt);
    if (toLocal(dueAt).date === start.date && start.minutes >= cutoff) {
      clockStartedAt = fromLocal(calendar.nextWorkingDay(start.date), hours.morning[0]);
      dueAt = computeUnpausedDue(calendar, clockStartedAt, duration, hours);
    }
  }

  let pausedWorkingMinutes = 0;
  for (const pause of normalisePauses(input.pauses ?? [], clockStartedAt, input.now)) {
    // A pause that starts once the deadline has passed cannot give the dossier its time back.
    if (pause.from >= dueAt.getTime()) break;
    const left = workingMinutesBetween(calendar, new Date(pause.from), dueAt, hours);
    if (left === 0) break;
    pausedWorkingMinutes += workingMinutesBetween(calendar, new Date(pause.from), new Date(pause.to), hours);
    dueAt = addWorkingMinutes(calendar, new Date(pause.to), left, hours);
  }

  return { clockStartedAt, dueAt, dueDate: toLocal(dueAt).date, pausedWorkingMinutes };
}

function computeUnpausedDue(
  calendar: WorkingCalendar,
  clockStartedAt: Date,
  { value, unit }: Duration,
  hours: OfficeHours,
): Date {
  const receiptDay = toLocal(clockStartedAt).date;
  const closeOf = (date: CivilDate) => fromLocal(date, hours.afternoon[1]);
  const onOrAfter = (date: CivilDate) => (calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date));
  switch (unit) {
    case 'working_days':
      return closeOf(calendar.addWorkingDays(receiptDay, value));
    case 'calendar_days':
      return closeOf(onOrAfter(addCalendarDays(receiptDay, value)));
    case 'months':
      return closeOf(onOrAfter(addCalendarMonths(receiptDay, value)));
    case 'working_hours':
      return addWorkingMinutes(calendar, clockStartedAt, value * 60, hours);
  }
}

function assertDuration({ value, unit }: Duration): void {
  const max = MAX_DURATION[unit];
  if (max === undefined) {
    throw new ValidationError(`Unknown duration unit: ${String(unit)}`, { unit }, 'invalid_duration');
  }
  const wholeNeeded = unit !== 'working_hours';
  if (!Number.isFinite(value) || value < 0 || value > max || (wholeNeeded && !Number.isInteger(value))) {
    throw new ValidationError(
      wholeNeeded
        ? `A duration in ${unit} must be a whole number from 0 to ${max}.`
        : `A duration in working hours must be from 0 to ${max}.`,
      { value, unit },
      'invalid_duration',
    );
  }
}

function assertCutoff(cutoff: number): void {
  if (!Number.isInteger(cutoff) || cutoff < 0 || cutoff > 24 * 60) {
    throw new ValidationError('The same-day cut-off must be whole minutes of the day.', { cutoff });
  }
}

/** Pauses as [from, to] in epoch ms, open ones closed at `now`, clipped to the clock start, merged. */
function normalisePauses(pauses: readonly Pause[], clockStartedAt: Date, now: Date | undefined) {
  const spans = pauses.map((pause, i) => {
    const from = assertInstant(pause.from, `pauses[${i}].from`).getTime();
    if (pause.to === null && now === undefined) {
      throw new ValidationError(
        'A pause is still open: pass `now` to compute the deadline as of now.',
        { pause: i },
        'open_pause_needs_now',
      );
    }
    const to = assertInstant(pause.to ?? (now as Date), `pauses[${i}].to`).getTime();
    if (to < from) {
      throw new ValidationError('A pause cannot end before it starts.', { pause: i }, 'invalid_pause');
    }
    return { from: Math.max(from, clockStartedAt.getTime()), to };
  });
  const merged: { from: number; to: number }[] = [];
  for (const span of spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}
