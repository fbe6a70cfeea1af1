// The civil-service calendar of Vietnam as data, one entry per year: weekdays off (holidays,
// compensatory and swapped days) and make-up Saturdays. Admins can replace it year by year
// (see calendar-schema.ts); tenants layer their own overrides on top.
//
// Law: Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) art. 112(1) lists 11 paid holidays;
// art. 112(3) lets the Prime Minister fix the Tết days and the day next to 2 September each year;
// art. 111(3) gives a compensatory day on the next working day when a holiday falls on a weekly
// rest day. Swaps of a working day for a Saturday are decided yearly for civil servants and
// announced by the ministry in charge of labour (Ministry of Home Affairs since March 2025).
//
// Not included: 24 November "Vietnam Culture Day" was chosen as a paid day off by Politburo
// Resolution 80-NQ/TW (January 2026) but, as far as this data was checked, not yet enacted into the
// Labour Code; add it (or a tenant override) once the law names it.
import type { LocalizedName, NamedDay, NationalYear } from './calendar-schema.ts';

const HOLIDAY = 'Bộ luật Lao động 2019, Điều 112 khoản 1 (Labour Code 2019 art. 112(1))';
const COMPENSATORY =
  'Bộ luật Lao động 2019, Điều 111 khoản 3: ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù vào ngày làm việc kế tiếp (Labour Code 2019 art. 111(3))';
const BY_LAW_ONLY =
  'Theo luật, chờ thông báo hằng năm xác nhận (by law, to be confirmed by the yearly decision): Bộ luật Lao động 2019, Điều 112';

const DECISION_2025 =
  'Công văn 8726/VPCP-KGVX ngày 26/11/2024 truyền đạt ý kiến Thủ tướng về nghỉ Tết Âm lịch và các dịp lễ năm 2025; thông báo của Bộ LĐTBXH tháng 12/2024';
const DECISION_2026_NEW_YEAR =
  'Công văn 12729/VPCP-KGVX ngày 25/12/2025: nghỉ Tết Dương lịch 2026 từ 1/1 đến 4/1, hoán đổi thứ Sáu 2/1 sang thứ Bảy 10/1';
const DECISION_2026 =
  'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (theo Công văn 9859/VPCP-KGVX ngày 13/10/2025) về nghỉ Tết Âm lịch và Quốc khánh 2026';

const NEW_YEAR: LocalizedName = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const HUNG_KINGS: LocalizedName = {
  vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  en: "Hùng Kings' Commemoration Day",
};
const REUNIFICATION: LocalizedName = { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' };
const LABOUR_DAY: LocalizedName = {
  vi: 'Ngày Quốc tế Lao động (1/5)',
  en: "International Workers' Day (1 May)",
};
const NATIONAL_DAY: LocalizedName = { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' };
const NATIONAL_DAY_ADJACENT: LocalizedName = {
  vi: 'Quốc khánh (ngày nghỉ liền kề 2/9)',
  en: 'National Day (day next to 2 September)',
};

function tet(yearName: string, lunarDay: string, lunarDayEn: string): LocalizedName {
  return { vi: `Tết Nguyên đán ${yearName} (${lunarDay})`, en: `Lunar New Year (Tết), ${lunarDayEn}` };
}

function day(date: string, name: LocalizedName, basis: string, provisional?: true): NamedDay {
  return provisional ? { date, name, basis, provisional } : { date, name, basis };
}

const YEAR_2025: NationalYear = {
  year: 2025,
  daysOff: [
    day('2025-01-01', NEW_YEAR, HOLIDAY),
    // Tết Ất Tỵ: 25 Jan–2 Feb including the weekends; the five Tết days are Mon 27–Fri 31 Jan.
    day('2025-01-27', tet('Ất Tỵ', '28 tháng Chạp', '28th day of the 12th lunar month'), DECISION_2025),
    day('2025-01-28', tet('Ất Tỵ', '29 tháng Chạp, giao thừa', "Lunar New Year's Eve"), DECISION_2025),
    day('2025-01-29', tet('Ất Tỵ', 'mùng 1', 'first day'), DECISION_2025),
    day('2025-01-30', tet('Ất Tỵ', 'mùng 2', 'second day'), DECISION_2025),
    day('2025-01-31', tet('Ất Tỵ', 'mùng 3', 'third day'), DECISION_2025),
    day('2025-04-07', HUNG_KINGS, HOLIDAY),
    day('2025-04-30', REUNIFICATION, HOLIDAY),
    day('2025-05-01', LABOUR_DAY, HOLIDAY),
    day(
      '2025-05-02',
      { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', en: 'Swapped day off (worked on Saturday 26 April)' },
      DECISION_2025,
    ),
    day('2025-09-01', NATIONAL_DAY_ADJACENT, DECISION_2025),
    day('2025-09-02', NATIONAL_DAY, HOLIDAY),
  ],
  workingSaturdays: [
    day(
      '2025-04-26',
      { vi: 'Làm bù cho thứ Sáu 2/5', en: 'Make-up working day for Friday 2 May' },
      DECISION_2025,
    ),
  ],
};

const YEAR_2026: NationalYear = {
  year: 2026,
  daysOff: [
    day('2026-01-01', NEW_YEAR, HOLIDAY),
    day(
      '2026-01-02',
      { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1)', en: 'Swapped day off (worked on Saturday 10 January)' },
      DECISION_2026_NEW_YEAR,
    ),
    // Tết Bính Ngọ: 14–22 Feb including the weekends; the five Tết days are Mon 16–Fri 20 Feb.
    day('2026-02-16', tet('Bính Ngọ', '29 tháng Chạp, giao thừa', "Lunar New Year's Eve"), DECISION_2026),
    day('2026-02-17', tet('Bính Ngọ', 'mùng 1', 'first day'), DECISION_2026),
    day('2026-02-18', tet('Bính Ngọ', 'mùng 2', 'second day'), DECISION_2026),
    day('2026-02-19', tet('Bính Ngọ', 'mùng 3', 'third day'), DECISION_2026),
    day('2026-02-20', tet('Bính Ngọ', 'mùng 4', 'fourth day'), DECISION_2026),
    // 10/3 lunar is Sunday 26 April, so the holiday moves to Monday.
    day(
      '2026-04-27',
      {
        vi: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)',
        en: "Hùng Kings' Day, compensatory (26 April is a Sunday)",
      },
      COMPENSATORY,
    ),
    // Thu 30 Apr and Fri 1 May: no swap was decided, the weekend follows anyway.
    day('2026-04-30', REUNIFICATION, HOLIDAY),
    day('2026-05-01', LABOUR_DAY, HOLIDAY),
    day(
      '2026-08-31',
      { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)', en: 'Swapped day off (worked on Saturday 22 August)' },
      DECISION_2026,
    ),
    day('2026-09-01', NATIONAL_DAY_ADJACENT, DECISION_2026),
    day('2026-09-02', NATIONAL_DAY, HOLIDAY),
  ],
  workingSaturdays: [
    day(
      '2026-01-10',
      { vi: 'Làm bù cho thứ Sáu 2/1', en: 'Make-up working day for Friday 2 January' },
      DECISION_2026_NEW_YEAR,
    ),
    day(
      '2026-08-22',
      { vi: 'Làm bù cho thứ Hai 31/8', en: 'Make-up working day for Monday 31 August' },
      DECISION_2026,
    ),
  ],
};

// 2027 is not decided yet: holidays and compensatory days by law, every day provisional.
// Tết: lunar new year is Saturday 6 Feb; like 2017 (new year also on a Saturday) the five Tết days
// are placed on the weekdays around it, Thu 4–Wed 10 Feb.
const YEAR_2027: NationalYear = {
  year: 2027,
  daysOff: [
    day('2027-01-01', NEW_YEAR, HOLIDAY),
    day('2027-02-04', tet('Đinh Mùi', 'cuối năm Bính Ngọ', 'end of the lunar year'), BY_LAW_ONLY, true),
    day('2027-02-05', tet('Đinh Mùi', 'giao thừa', "Lunar New Year's Eve"), BY_LAW_ONLY, true),
    day('2027-02-08', tet('Đinh Mùi', 'mùng 3', 'third day'), BY_LAW_ONLY, true),
    day('2027-02-09', tet('Đinh Mùi', 'mùng 4', 'fourth day'), BY_LAW_ONLY, true),
    day('2027-02-10', tet('Đinh Mùi', 'mùng 5', 'fifth day'), BY_LAW_ONLY, true),
    day('2027-04-16', HUNG_KINGS, HOLIDAY),
    day('2027-04-30', REUNIFICATION, HOLIDAY),
    day(
      '2027-05-03',
      {
        vi: 'Nghỉ bù Quốc tế Lao động (1/5 là thứ Bảy)',
        en: "Workers' Day, compensatory (1 May is a Saturday)",
      },
      COMPENSATORY,
    ),
    day('2027-09-02', NATIONAL_DAY, HOLIDAY),
    // The law leaves the choice between 1 and 3 September to the yearly decision; Friday is the usual pick.
    day('2027-09-03', NATIONAL_DAY_ADJACENT, BY_LAW_ONLY, true),
  ],
  workingSaturdays: [],
};

/** The shipped national calendar: 2025 and 2026 as decided, 2027 by law pending the yearly decision. */
export const NATIONAL_CALENDAR: readonly NationalYear[] = [YEAR_2025, YEAR_2026, YEAR_2027];
