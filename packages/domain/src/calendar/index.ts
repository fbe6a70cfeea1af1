// The Vietnamese civil-service calendar and the deadline rules of the one-stop shop.
export {
  type CalendarOverride,
  calendarOverride,
  type LocalizedName,
  localizedName,
  type NamedDay,
  type NationalYear,
  namedDay,
  nationalYear,
  parseCalendarOverrides,
  parseNationalYears,
} from './calendar-schema.ts';
export {
  addCalendarDays,
  addCalendarMonths,
  assertCivilDate,
  type CivilDate,
  countCalendarDays,
  fromLocal,
  getWeekday,
  isCivilDate,
  isWeekend,
  type LocalTime,
  toLocal,
  VIETNAM_UTC_OFFSET_MINUTES,
  type Weekday,
} from './civil-date.ts';
export {
  type ComputeDeadlineInput,
  computeDeadline,
  type Deadline,
  type Duration,
  type DurationUnit,
  type Pause,
} from './deadline.ts';
export {
  type DeadlineStatus,
  type DeadlineStatusInput,
  deadlineStatus,
  type Timeliness,
  timeliness,
} from './deadline-status.ts';
export { NATIONAL_CALENDAR } from './national-calendar.ts';
export {
  addWorkingMinutes,
  DEFAULT_OFFICE_HOURS,
  findNextOfficeTime,
  getOfficeMinutesPerDay,
  isOfficeTime,
  type OfficeHours,
  type OfficeInterval,
  workingMinutesBetween,
} from './office-time.ts';
export {
  type CreateWorkingCalendarInput,
  createWorkingCalendar,
  type DayDescription,
  type DayReason,
  type WorkingCalendar,
} from './working-calendar.ts';
