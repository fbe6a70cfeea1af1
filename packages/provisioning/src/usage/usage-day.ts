// The civil day usage is counted by: Asia/Ho_Chi_Minh, UTC+7 all year (see the domain's calendar).
import { addCalendarDays, assertCivilDate, type CivilDate, fromLocal, toLocal } from '@motcua/domain';

/** The Vietnamese civil day an instant falls on: what "today" means for usage. */
export function usageDayOf(at: Date): CivilDate {
  return toLocal(at).date;
}

/** [00:00, next 00:00) of `day` in Vietnam, as instants; throws ValidationError for a bad day. */
export function usageDayBounds(day: CivilDate): { from: Date; to: Date } {
  assertCivilDate(day);
  return { from: fromLocal(day, 0), to: fromLocal(addCalendarDays(day, 1), 0) };
}
