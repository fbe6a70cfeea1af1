// The shape of the demo's dossier plans and the clock they are written against: moments counted
// in working days back from `now`, so that every staff step falls in office hours on a day the
// agency works, whatever day `npm start` runs.
import {
  addCalendarDays,
  type CivilDate,
  DEFAULT_OFFICE_HOURS,
  type DossierAction,
  type DossierState,
  fromLocal,
  toLocal,
  type WorkingCalendar,
} from '@motcua/domain';
import type { DemoFile, DemoFiling } from './demo-answers.ts';

export type DemoRole = 'citizen' | 'reception' | 'specialist' | 'approver' | 'clerk';

export type StaffIds = Record<Exclude<DemoRole, 'citizen'>, string>;

export interface PlanStep {
  action: DossierAction;
  by: DemoRole;
  at: Date;
  input: Record<string, unknown>;
  /** Papers attached with this step: a supplement's documents, the issued result. */
  files?: DemoFile[];
}

export interface DossierPlan {
  key: string;
  filing: DemoFiling;
  /** False leaves a draft. */
  submit: boolean;
  at: Date;
  steps: PlanStep[];
  state: DossierState;
  /** Where the deadline stands at `now`, for the two dossiers that show it. */
  deadline?: 'late' | 'due_soon';
}

/** How far back the plans reach, in working days. */
export const planSpan = 25;

/** The local minute of `hh:mm`. */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function previousWorkingDay(calendar: WorkingCalendar, date: CivilDate): CivilDate {
  let day = addCalendarDays(date, -1);
  // The national calendar never has more than a few weeks off in a row; a year means broken data.
  for (let i = 0; i < 366 && !calendar.isWorkingDay(day); i += 1) day = addCalendarDays(day, -1);
  return day;
}

/**
 * The day to receive a one-working-day dossier so that it is due at the first office close after
 * `now`: at most one working day away, hence "due soon" (the receipt day is not counted).
 */
export function dueSoonReceiptDay(calendar: WorkingCalendar, now: Date): CivilDate {
  const { date, minutes } = toLocal(now);
  const isBeforeClose = calendar.isWorkingDay(date) && minutes < DEFAULT_OFFICE_HOURS.afternoon[1];
  const dueDay = isBeforeClose ? date : calendar.nextWorkingDay(date);
  return previousWorkingDay(calendar, dueDay);
}

export interface Timeline {
  calendar: WorkingCalendar;
  today: CivilDate;
  /** The n-th working day before today (n ≥ 1), always a day already over or under way. */
  day(n: number): CivilDate;
  /** `time` (hh:mm, Vietnam) on the n-th working day before today. */
  on(n: number, time: string): Date;
  /** The receipt day of the dossier due soon, and `time` on it. */
  soon: CivilDate;
  onSoon(time: string): Date;
}

export function makeTimeline(calendar: WorkingCalendar, now: Date): Timeline {
  const today = toLocal(now).date;
  const days: CivilDate[] = [today];
  for (let n = 1; n <= planSpan; n += 1) days.push(previousWorkingDay(calendar, days[n - 1] ?? today));
  const day = (n: number) => {
    const found = days[n];
    if (n < 1 || !found) throw new RangeError(`The demo plans reach 1 to ${planSpan} working days back.`);
    return found;
  };
  const soon = dueSoonReceiptDay(calendar, now);
  return {
    calendar,
    today,
    day,
    on: (n, time) => fromLocal(day(n), minutesOf(time)),
    soon,
    onSoon: (time) => fromLocal(soon, minutesOf(time)),
  };
}

const by =
  (role: DemoRole) =>
  (action: DossierAction, at: Date, input: Record<string, unknown> = {}, files?: DemoFile[]): PlanStep => ({
    action,
    by: role,
    at,
    input,
    ...(files ? { files } : {}),
  });
export const citizen = by('citizen');
export const desk = by('reception');
export const officer = by('specialist');
export const leader = by('approver');
export const clerk = by('clerk');

/** A payment's receipt number: the national payment platform's for online, the desk's own otherwise. */
export function paymentOf(at: Date, method: 'online' | 'desk') {
  const day = toLocal(at).date.replaceAll('-', '');
  const serial = String(at.getTime() % 9973).padStart(4, '0');
  return { method, reference: `${method === 'online' ? 'DVCQG' : 'BL'}-${day}-${serial}` };
}

/** The step's input with what only the run knows: the case officer's id, the attached files' ids. */
export function inputOf(step: PlanStep, fileIds: string[], staff: StaffIds): Record<string, unknown> {
  switch (step.action) {
    case 'assign':
      return { assigneeId: staff.specialist };
    case 'supplement':
      return {
        ...step.input,
        documents: Object.fromEntries((step.files ?? []).map((f, i) => [f.slot, [fileIds[i]]])),
      };
    case 'issue_result':
      return { ...step.input, resultDocuments: fileIds };
    default:
      return step.input;
  }
}
