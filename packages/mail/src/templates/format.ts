// Pieces every template shares: dates in Vietnam time, one-line fields, the tracking line and
// the closing line.
import type { DossierEmailFacts, EmailLocale } from './types.ts';

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for any
// dossier date and does not depend on the ICU data the runtime ships.
const vietnamOffsetMs = 7 * 60 * 60 * 1000;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO instant as the calendar date it falls on in Vietnam: `dd/mm/yyyy`. */
export function formatVietnamDate(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError('Not a valid date.');
  const shifted = new Date(instant.getTime() + vietnamOffsetMs);
  return `${pad2(shifted.getUTCDate())}/${pad2(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`;
}

/** A calendar date `YYYY-MM-DD` as `dd/mm/yyyy`; it is already Vietnam's date, so no zone applies. */
export function formatCalendarDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError('Not a YYYY-MM-DD date.');
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** Collapses line breaks and runs of spaces, so that a field cannot add lines to a subject. */
export function toOneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const labels = {
  vi: {
    greeting: 'Kính gửi Ông/Bà,',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    dueAt: 'Ngày hẹn trả kết quả',
    follow: (url: string) => `Theo dõi hồ sơ tại: ${url}`,
    lookUp: (code: string, url: string) => `Tra cứu hồ sơ bằng mã ${code} tại: ${url}`,
    lookUpNoLink: (code: string) =>
      `Ông/Bà có thể tra cứu tình trạng hồ sơ bằng mã ${code} trên cổng dịch vụ công của cơ quan tiếp nhận.`,
    closing: 'Đây là thư tự động của hệ thống dịch vụ công trực tuyến; vui lòng không trả lời thư này.',
  },
  en: {
    greeting: 'Dear applicant,',
    code: 'Dossier code',
    procedure: 'Procedure',
    dueAt: 'Appointment date for the result',
    follow: (url: string) => `Follow your dossier at: ${url}`,
    lookUp: (code: string, url: string) => `Look up your dossier with its code ${code} at: ${url}`,
    lookUpNoLink: (code: string) =>
      `You can follow your dossier with its code ${code} on the public service portal of the agency that received it.`,
    closing: 'This is an automatic message from the online public service system; please do not reply to it.',
  },
} as const;

export function greetingOf(locale: EmailLocale): string {
  return labels[locale].greeting;
}

/** The dossier code and procedure, and the appointment date when the template shows it. */
export function describeDossier(
  facts: DossierEmailFacts,
  locale: EmailLocale,
  { showDueAt }: { showDueAt: boolean },
): string[] {
  const l = labels[locale];
  const lines = [
    `${l.code}: ${toOneLine(facts.code)}`,
    `${l.procedure}: ${toOneLine(facts.procedureName[locale])}`,
  ];
  if (showDueAt && facts.dueAt !== null) lines.push(`${l.dueAt}: ${formatVietnamDate(facts.dueAt)}`);
  return lines;
}

/** Where the citizen follows the dossier: a link only when the payload carries one. */
export function describeTracking(facts: DossierEmailFacts, locale: EmailLocale): string {
  const l = labels[locale];
  const code = toOneLine(facts.code);
  if (facts.trackingUrl) return l.follow(facts.trackingUrl);
  if (facts.siteUrl) return l.lookUp(code, facts.siteUrl);
  return l.lookUpNoLink(code);
}

export function closingOf(locale: EmailLocale): string {
  return labels[locale].closing;
}

/** Paragraphs separated by one blank line; a paragraph is one or more lines. */
export function joinParagraphs(paragraphs: readonly (string | readonly string[])[]): string {
  return `${paragraphs.map((p) => (typeof p === 'string' ? p : p.join('\n'))).join('\n\n')}\n`;
}

/** The frame of a citizen email: greeting, the template's own paragraphs, facts, tracking, closing. */
export function composeCitizenEmail(
  facts: DossierEmailFacts,
  locale: EmailLocale,
  body: readonly (string | readonly string[])[],
  { showDueAt }: { showDueAt: boolean },
): string {
  return joinParagraphs([
    greetingOf(locale),
    ...body,
    describeDossier(facts, locale, { showDueAt }),
    describeTracking(facts, locale),
    closingOf(locale),
  ]);
}
