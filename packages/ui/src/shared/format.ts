// Values as a page shows them: dates as people in Vietnam read them, whatever the server's zone,
// and secrets grouped for typing by hand. The date formatters are made once per language and
// style: building one per call (`toLocaleString` with options) cost ~0.3 ms, and a queue page
// formats dozens of dates.
import type { Locale } from './i18n.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatInVietnam(locale: Locale, date: Date, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      ...options,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** The secret in groups of four characters, for typing it in by hand. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}
