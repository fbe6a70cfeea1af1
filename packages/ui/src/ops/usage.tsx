/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// An agency's usage as operators read it: this month's received dossiers, active staff and the
// space its files take, in plain words, with the time it was measured on the agency's page.
import type { Locale } from '../shared/i18n.ts';
import { formatDate, say } from './parts.tsx';

export interface UsageView {
  /** 'YYYY-MM': the month of the latest measured day. */
  month: string;
  /** Dossiers received from the first of `month` to the latest measured day. */
  monthReceived: number;
  staffSeats: number;
  storageBytes: number;
  measuredAt: Date;
}

const numberLocale = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

export const formatCount = (locale: Locale, n: number) => n.toLocaleString(numberLocale(locale));

/**
 * Bytes in MB below a gigabyte and in GB from there, decimal units (1 MB = 1,000,000 bytes) as
 * storage is sold, one decimal at most; a little that rounds to nothing still shows.
 */
export function formatStorage(locale: Locale, bytes: number): string {
  const one = (value: number) => value.toLocaleString(numberLocale(locale), { maximumFractionDigits: 1 });
  if (bytes <= 0) return '0 MB';
  if (bytes < 50_000) return `< ${one(0.1)} MB`;
  const mb = Math.round(bytes / 100_000) / 10;
  if (mb < 1_000) return `${one(mb)} MB`;
  return `${one(Math.round(bytes / 100_000_000) / 10)} GB`;
}

/** 'YYYY-MM' as people write it: "tháng 11/2026", "November 2026". */
export function formatMonth(locale: Locale, month: string): string {
  const [year = '', monthNumber = ''] = month.split('-');
  if (locale === 'vi') return `tháng ${Number(monthNumber)}/${year}`;
  return new Date(Date.UTC(Number(year), Number(monthNumber) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The three figures as short sentences, one per line: the agency list's Usage cell. */
export function UsageCell(props: { locale: Locale; usage: UsageView | null | undefined }) {
  const { locale, usage } = props;
  if (!usage) return <span class="muted">{say(props, 'usageNotMeasured')}</span>;
  const received = say(props, usage.monthReceived === 1 ? 'usageReceivedOneIn' : 'usageReceivedIn');
  const seats = say(props, usage.staffSeats === 1 ? 'usageSeatsOne' : 'usageSeats');
  const storage = formatStorage(locale, usage.storageBytes);
  return (
    <>
      {formatCount(locale, usage.monthReceived)} {received} {formatMonth(locale, usage.month)}
      <br />
      {formatCount(locale, usage.staffSeats)} {seats}
      <br />
      {locale === 'vi'
        ? `${say(props, 'usageStored')} ${storage}`
        : `${storage} ${say(props, 'usageStored')}`}
    </>
  );
}

/** The agency page's usage section: the same figures and when they were measured. */
export function UsageSection(props: { locale: Locale; usage: UsageView | null | undefined }) {
  const { locale, usage } = props;
  return (
    <>
      <h2>{say(props, 'usageTitle')}</h2>
      {usage ? (
        <>
          <dl class="summary ops-summary" id="ops-usage">
            <dt>
              {say(props, 'usageMonthReceived')} {formatMonth(locale, usage.month)}
            </dt>
            <dd>{formatCount(locale, usage.monthReceived)}</dd>
            <dt>{say(props, 'usageStaffSeats')}</dt>
            <dd>{formatCount(locale, usage.staffSeats)}</dd>
            <dt>{say(props, 'usageStorage')}</dt>
            <dd>{formatStorage(locale, usage.storageBytes)}</dd>
            <dt>{say(props, 'usageMeasuredAt')}</dt>
            <dd>{formatDate(locale, usage.measuredAt, true)}</dd>
          </dl>
          <p class="muted">{say(props, 'usageNote')}</p>
        </>
      ) : (
        <p class="muted" id="ops-usage">
          {say(props, 'usageNotMeasured')}
        </p>
      )}
    </>
  );
}
