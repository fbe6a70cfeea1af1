// Where a dossier stands against its deadline: the warning shown while it is being handled, and the
// early / on time / late mark of each hand-off on the processing control slip (form 06 of
// Circular 03/2025/TT-VPCP, appendix I).
import { ValidationError } from '../errors.ts';
import { assertInstant, toLocal } from './civil-date.ts';
import {
  DEFAULT_OFFICE_HOURS,
  getOfficeMinutesPerDay,
  type OfficeHours,
  workingMinutesBetween,
} from './office-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export type DeadlineStatus = 'on_time' | 'due_soon' | 'late';

export interface DeadlineStatusInput {
  calendar: WorkingCalendar;
  now: Date;
  dueAt: Date;
  /** Office minutes before dueAt from which the dossier is "due soon"; default one working day (480). */
  dueSoonWorkingMinutes?: number;
  officeHours?: OfficeHours;
}

/** 'late' only once `now` is past dueAt; at dueAt itself the dossier is still due soon. */
export function deadlineStatus(input: DeadlineStatusInput): DeadlineStatus {
  const { calendar, officeHours = DEFAULT_OFFICE_HOURS } = input;
  const dueSoonWorkingMinutes = input.dueSoonWorkingMinutes ?? getOfficeMinutesPerDay(officeHours);
  const now = assertInstant(input.now, 'now');
  const dueAt = assertInstant(input.dueAt, 'dueAt');
  if (!Number.isFinite(dueSoonWorkingMinutes) || dueSoonWorkingMinutes < 0) {
    throw new ValidationError('The "due soon" window must be 0 minutes or more.', { dueSoonWorkingMinutes });
  }
  if (now.getTime() > dueAt.getTime()) return 'late';
  const left = workingMinutesBetween(calendar, now, dueAt, officeHours);
  return left <= dueSoonWorkingMinutes ? 'due_soon' : 'on_time';
}

export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * Early when finished on a local date before the due date, on time on the due date up to dueAt,
 * late after dueAt.
 */
export function timeliness(finishedAt: Date, dueAt: Date): Timeliness {
  assertInstant(finishedAt, 'finishedAt');
  assertInstant(dueAt, 'dueAt');
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return toLocal(finishedAt).date < toLocal(dueAt).date ? 'early' : 'on_time';
}
