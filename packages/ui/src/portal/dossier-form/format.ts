// How amounts, sizes and instants read on the dossier pages, in the page's language.
import type { Locale } from '../../shared/i18n.ts';

const money = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};

/** Whole đồng (VND has no minor unit): 150.000 đồng, 150,000 VND. */
export function formatMoney(locale: Locale, amount: number): string {
  return locale === 'vi' ? `${money.vi.format(amount)} đồng` : `${money.en.format(amount)} VND`;
}

/** 1536 → "1,5 KB" / "1.5 KB"; binary units, as file pickers show them. */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

const vietnamTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant in Vietnam time, date first as dates are written there: 14/07/2025 09:30. */
export function formatDateTime(_locale: Locale, iso: string): string {
  const parts = Object.fromEntries(vietnamTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
