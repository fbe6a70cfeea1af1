// Dates as printed on the forms: always Vietnam time, whatever zone the server runs in.
import type { Locale } from './types.ts';

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for any
// dossier date and, unlike Intl, does not depend on the ICU data the runtime ships.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function assertValidDate(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${field} is not a valid date`);
  }
}

function toVietnamTime(instant: Date): CivilTime {
  assertValidDate(instant, 'date');
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function nameEnglishMonth(month: number, short: boolean): string {
  const name = EN_MONTHS[month - 1] ?? '';
  return short ? name.slice(0, 3) : name;
}

/** "08 giờ 30 phút, ngày 23/11/2026" (vi) or "08:30, 23 Nov 2026" (en). */
export function formatDateTime(instant: Date, locale: Locale): string {
  const t = toVietnamTime(instant);
  if (locale === 'vi') {
    return `${pad2(t.hour)} giờ ${pad2(t.minute)} phút, ngày ${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
  }
  return `${pad2(t.hour)}:${pad2(t.minute)}, ${t.day} ${nameEnglishMonth(t.month, true)} ${t.year}`;
}

/** "23/11/2026" (vi) or "23 Nov 2026" (en). */
export function formatDate(instant: Date, locale: Locale): string {
  const t = toVietnamTime(instant);
  if (locale === 'vi') return `${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
  return `${t.day} ${nameEnglishMonth(t.month, true)} ${t.year}`;
}

/**
 * The place-and-date line under the national motto: "Đà Nẵng, ngày 05 tháng 01 năm 2026".
 * Decree 30/2020/NĐ-CP (appendix I) writes a leading zero for days below 10 and for months 1 and 2
 * only, so that neither can later be turned into another valid date by adding a digit.
 */
export function formatDateLine(place: string, instant: Date, locale: Locale): string {
  const t = toVietnamTime(instant);
  if (locale === 'vi') {
    const month = t.month <= 2 ? pad2(t.month) : String(t.month);
    return `${place}, ngày ${pad2(t.day)} tháng ${month} năm ${t.year}`;
  }
  return `${place}, ${t.day} ${nameEnglishMonth(t.month, false)} ${t.year}`;
}
