// Interface strings of the agency console's settings pages (calendar, branding, units),
// Vietnamese first.
import type { Locale } from '../../shared/i18n.ts';

const strings = {
  saved: { vi: 'Đã lưu thay đổi.', en: 'Your change has been saved.' },
  // Calendar
  calendarTitle: { vi: 'Lịch làm việc của cơ quan', en: 'Agency calendar' },
  calendarIntro: {
    vi: 'Thời hạn giải quyết hồ sơ được tính theo lịch làm việc của cơ quan nhà nước (ngày lễ, Tết, ngày nghỉ bù và ngày làm bù do Chính phủ công bố). Tại đây, cơ quan thêm ngày nghỉ hoặc ngày làm việc riêng của địa phương. Hồ sơ tiếp nhận sau khi thay đổi sẽ dùng lịch mới.',
    en: 'Deadlines follow the civil-service calendar (public holidays, Tết, and the swapped days the government announces). Here the agency adds its own local days off or working days. Dossiers received after a change use the new calendar.',
  },
  calendarEmpty: { vi: 'Cơ quan chưa có ngày riêng nào.', en: 'The agency has no days of its own yet.' },
  calendarTable: { vi: 'Ngày riêng của cơ quan', en: 'The agency’s own days' },
  calendarAdded: { vi: 'Đã lưu ngày', en: 'Saved the day' },
  calendarRemoved: { vi: 'Đã xoá ngày', en: 'Removed the day' },
  colDate: { vi: 'Ngày', en: 'Date' },
  colKind: { vi: 'Loại', en: 'Kind' },
  colName: { vi: 'Tên', en: 'Name' },
  colAction: { vi: 'Thao tác', en: 'Action' },
  kindOff: { vi: 'Ngày nghỉ', en: 'Day off' },
  kindWorking: { vi: 'Ngày làm việc', en: 'Working day' },
  remove: { vi: 'Xoá', en: 'Remove' },
  addDayTitle: { vi: 'Thêm ngày', en: 'Add a day' },
  addDayButton: { vi: 'Lưu ngày', en: 'Save the day' },
  dateLabel: { vi: 'Ngày', en: 'Date' },
  dateHint: {
    vi: 'Chọn ngày trên lịch hoặc nhập theo dạng ngày/tháng/năm. Nếu ngày đã có, ngày đó được thay bằng nội dung mới.',
    en: 'Pick the date or type it as day/month/year. A date already listed is replaced.',
  },
  kindLegend: { vi: 'Ngày này là', en: 'This day is' },
  dayNameLabel: { vi: 'Tên hoặc lý do', en: 'Name or reason' },
  dayNameHint: {
    vi: 'Ví dụ: Nghỉ lễ hội truyền thống của tỉnh',
    en: 'For example: the province’s traditional festival',
  },
  errDate: { vi: 'Nhập một ngày có thật, ví dụ 03/09/2026', en: 'Enter a real date, for example 03/09/2026' },
  errKind: { vi: 'Chọn ngày nghỉ hoặc ngày làm việc', en: 'Choose day off or working day' },
  errDayName: {
    vi: 'Nhập tên hoặc lý do (tối đa 200 ký tự)',
    en: 'Enter a name or reason (at most 200 characters)',
  },
  // Branding
  brandingTitle: { vi: 'Nhận diện của cơ quan', en: 'Branding' },
  brandingIntro: {
    vi: 'Màu sắc và biểu trưng hiển thị trên cổng dịch vụ công và trang của cán bộ.',
    en: 'The colours and logo shown on the public portal and the staff pages.',
  },
  coloursTitle: { vi: 'Màu sắc', en: 'Colours' },
  coloursSaved: { vi: 'Đã lưu màu sắc.', en: 'The colours have been saved.' },
  currentColours: { vi: 'Màu đang dùng', en: 'Colours in use' },
  primaryColorLabel: {
    vi: 'Màu chủ đạo (nền thanh tiêu đề, nút bấm)',
    en: 'Brand colour (header and buttons)',
  },
  textOnPrimaryLabel: { vi: 'Màu chữ trên màu chủ đạo', en: 'Text colour on the brand colour' },
  accentColorLabel: { vi: 'Màu nhấn', en: 'Accent colour' },
  colourHint: {
    vi: 'Mã màu dạng #rrggbb, ví dụ #0b5394',
    en: 'A colour code as #rrggbb, for example #0b5394',
  },
  contrastLabel: { vi: 'Độ tương phản', en: 'Contrast' },
  contrastNote: {
    vi: 'Chữ phải dễ đọc: độ tương phản tối thiểu 4,5:1 (WCAG 2.2 mức AA).',
    en: 'Text must stay readable: a contrast of at least 4.5:1 (WCAG 2.2 level AA).',
  },
  sampleTitle: { vi: 'Mẫu hiển thị', en: 'Sample' },
  sampleHeading: { vi: 'Cổng dịch vụ công', en: 'Public-service portal' },
  sampleText: { vi: 'Chữ trên màu chủ đạo đã lưu', en: 'Text on the saved brand colour' },
  saveColours: { vi: 'Lưu màu sắc', en: 'Save the colours' },
  errColour: {
    vi: 'Nhập mã màu dạng #rrggbb, ví dụ #0b5394',
    en: 'Enter a colour as #rrggbb, for example #0b5394',
  },
  errContrast: {
    vi: 'Chữ khó đọc: độ tương phản chỉ {ratio}:1, cần tối thiểu 4,5:1. Chọn màu chữ hoặc màu nền đậm/nhạt hơn',
    en: 'The text would be hard to read: the contrast is only {ratio}:1 and must be at least 4.5:1. Choose a darker or lighter colour',
  },
  logoTitle: { vi: 'Biểu trưng (logo)', en: 'Logo' },
  logoSaved: { vi: 'Đã lưu biểu trưng.', en: 'The logo has been saved.' },
  logoRemoved: { vi: 'Đã gỡ biểu trưng.', en: 'The logo has been removed.' },
  currentLogo: { vi: 'Biểu trưng hiện tại của', en: 'Current logo of' },
  noLogo: { vi: 'Cơ quan chưa có biểu trưng.', en: 'The agency has no logo yet.' },
  logoLabel: { vi: 'Tệp biểu trưng', en: 'Logo file' },
  logoHint: {
    vi: 'Ảnh PNG, JPEG hoặc WebP, tối đa 200 KB. Không nhận SVG.',
    en: 'A PNG, JPEG or WebP image, at most 200 KB. SVG is not accepted.',
  },
  uploadLogo: { vi: 'Tải lên biểu trưng', en: 'Upload the logo' },
  removeLogo: { vi: 'Gỡ biểu trưng', en: 'Remove the logo' },
  errLogoMissing: { vi: 'Chọn một tệp ảnh', en: 'Choose an image file' },
  errLogoType: {
    vi: 'Tệp này không phải ảnh PNG, JPEG hoặc WebP',
    en: 'This file is not a PNG, JPEG or WebP image',
  },
  errLogoTooLarge: { vi: 'Tệp lớn hơn 200 KB', en: 'The file is larger than 200 KB' },
  // Units
  unitsTitle: { vi: 'Đơn vị', en: 'Units' },
  unitsIntro: {
    vi: 'Các sở, ban, ngành, xã, phường và trung tâm của cơ quan. Đơn vị không bị xoá mà được đóng từ một ngày: hồ sơ đã nộp vẫn giữ đơn vị lúc nộp.',
    en: 'The agency’s departments, communes and centres. A unit is never deleted but closed from a date on: dossiers already filed keep the unit they were filed with.',
  },
  unitsTable: { vi: 'Danh sách đơn vị', en: 'List of units' },
  unitsEmpty: { vi: 'Chưa có đơn vị nào.', en: 'No units yet.' },
  unitCreated: { vi: 'Đã thêm đơn vị', en: 'Added the unit' },
  unitRenamed: { vi: 'Đã đổi tên đơn vị.', en: 'The unit has been renamed.' },
  unitClosed: { vi: 'Đã đóng đơn vị.', en: 'The unit has been closed.' },
  colCode: { vi: 'Mã', en: 'Code' },
  colUnitKind: { vi: 'Loại', en: 'Kind' },
  colParent: { vi: 'Trực thuộc', en: 'Part of' },
  colFrom: { vi: 'Từ ngày', en: 'From' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  colStaff: { vi: 'Số cán bộ', en: 'Staff' },
  statusOpen: { vi: 'Đang hoạt động', en: 'Open' },
  statusClosing: { vi: 'Đóng từ', en: 'Closes on' },
  statusClosed: { vi: 'Đã đóng từ', en: 'Closed since' },
  kind_agency: { vi: 'Cơ quan', en: 'Agency' },
  kind_department: { vi: 'Sở, ban, ngành', en: 'Department' },
  kind_commune: { vi: 'Xã, phường, đặc khu', en: 'Commune or ward' },
  kind_centre: { vi: 'Trung tâm', en: 'Centre' },
  newNameFor: { vi: 'Tên mới của', en: 'New name of' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  closeOnFor: { vi: 'Ngày đóng', en: 'Closing date of' },
  close: { vi: 'Đóng đơn vị', en: 'Close' },
  createUnitTitle: { vi: 'Thêm đơn vị', en: 'Add a unit' },
  createUnitButton: { vi: 'Thêm đơn vị', en: 'Add the unit' },
  codeLabel: { vi: 'Mã đơn vị', en: 'Unit code' },
  codeHint: {
    vi: 'Chữ, số, dấu chấm và gạch ngang, ví dụ STP. Thủ tục chỉ định đơn vị giải quyết bằng mã này.',
    en: 'Letters, digits, dots and dashes, for example STP. Procedures name the competent unit by this code.',
  },
  unitNameLabel: { vi: 'Tên đơn vị', en: 'Unit name' },
  kindLabel: { vi: 'Loại đơn vị', en: 'Kind of unit' },
  parentLabel: { vi: 'Trực thuộc', en: 'Part of' },
  noParent: { vi: 'Không trực thuộc đơn vị nào', en: 'Not part of another unit' },
  errCode: {
    vi: 'Nhập mã gồm chữ, số, dấu chấm hoặc gạch ngang (tối đa 40 ký tự)',
    en: 'Enter a code of letters, digits, dots or dashes (at most 40)',
  },
  errCodeTaken: { vi: 'Một đơn vị đang hoạt động đã dùng mã này', en: 'An open unit already uses this code' },
  errUnitName: {
    vi: 'Nhập tên đơn vị (tối đa 200 ký tự)',
    en: 'Enter the unit’s name (at most 200 characters)',
  },
  errUnitKind: { vi: 'Chọn loại đơn vị', en: 'Choose the kind of unit' },
  errParent: { vi: 'Chọn một đơn vị đang hoạt động', en: 'Choose a unit that is open' },
  errCloseDate: { vi: 'Nhập một ngày có thật, từ hôm nay trở đi', en: 'Enter a real date, today or later' },
  errCloseBeforeStart: {
    vi: 'Ngày đóng phải sau ngày đơn vị bắt đầu',
    en: 'The closing date must be after the unit opened',
  },
  errUnitHasStaff: {
    vi: 'Đơn vị còn {count} cán bộ. Chuyển họ sang đơn vị khác hoặc khoá tài khoản trước khi đóng đơn vị',
    en: 'The unit still has {count} staff member(s). Move them to another unit or disable them before closing it',
  },
  errUnitHasChildren: {
    vi: 'Còn đơn vị trực thuộc đang hoạt động. Đóng các đơn vị đó trước',
    en: 'Units below this one are still open. Close them first',
  },
  errUnitClosed: {
    vi: 'Đơn vị đã đóng hoặc đã có ngày đóng',
    en: 'The unit is closed or already has a closing date',
  },
  errUnitMissing: { vi: 'Không tìm thấy đơn vị này', en: 'This unit was not found' },
} satisfies Record<string, Record<Locale, string>>;

export type SettingsStringKey = keyof typeof strings;

/** A string in the page's language; `{name}` placeholders filled from `values`. */
export function settingsText(
  locale: Locale,
  key: SettingsStringKey,
  values: Record<string, string | number> = {},
): string {
  return strings[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A civil date `yyyy-mm-dd` as people write it in Vietnam: dd/mm/yyyy. */
export function settingsShownDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const weekdays = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** The day of the week of a civil date, in the page's language. */
export function weekdayOf(locale: Locale, date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return weekdays[locale][new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

/** A contrast ratio with two decimals, with the decimal comma in Vietnamese. */
export function settingsShownRatio(locale: Locale, ratio: number): string {
  const text = ratio.toFixed(2);
  return locale === 'vi' ? text.replace('.', ',') : text;
}
