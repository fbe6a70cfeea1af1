/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Small pieces the dossier pages share: the status tag, deadline flags, dates in Vietnam time,
// the console frame with its back link, and pagination.
import type { Child } from 'hono/jsx';
import { authHref } from '../auth-pages.tsx';
import { Frame } from '../forms.tsx';
import type { Locale } from '../i18n.ts';
import { type DossierStringKey, dossierText, nationalStatusName, stateDetail } from './strings.ts';
import type { ConsolePage, DeadlineFlag } from './types.ts';

export const say = (page: { locale: Locale }, key: DossierStringKey) => dossierText(page.locale, key);

/** An instant as the agency reads it: Vietnam time, whatever the server's zone. */
export function formatDateTime(locale: Locale, iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Whole đồng with the thousands separator officials expect: 50.000 đ. */
export function formatMoney(locale: Locale, amount: number): string {
  return `${amount.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')} đ`;
}

/** The national status name, with where inside "in progress" the dossier is when that helps. */
export function StatusTag(props: { locale: Locale; nationalStatus: number | null; state: string }) {
  const detail = stateDetail(props.locale, props.state);
  return (
    <span class={`tag status-${props.nationalStatus ?? 0}`}>
      {nationalStatusName(props.locale, props.nationalStatus)}
      {detail ? ` (${detail})` : ''}
    </span>
  );
}

const flagKeys: Record<DeadlineFlag, DossierStringKey> = {
  on_time: 'onTime',
  due_soon: 'dueSoon',
  late: 'late',
};

export function FlagTag(props: { locale: Locale; flag: DeadlineFlag | null }) {
  if (!props.flag || props.flag === 'on_time') return null;
  return <span class={`tag flag-${props.flag}`}>{dossierText(props.locale, flagKeys[props.flag])}</span>;
}

/** The shared frame with a back link above the heading. */
export function ConsoleFrame(
  props: ConsolePage & { title: string; path: string; back: [string, DossierStringKey]; children?: Child },
) {
  const [href, key] = props.back;
  const before = (
    <p class="back">
      <a href={authHref(props, href)}>{say(props, key)}</a>
    </p>
  );
  return (
    <Frame
      locale={props.locale}
      siteName={props.siteName}
      basePath={props.basePath}
      errors={props.errors ?? []}
      title={props.title}
      path={props.path}
      before={before}
    >
      {props.children}
    </Frame>
  );
}

export function Banner(props: { children?: Child }) {
  return (
    <div class="banner info" role="status">
      {props.children}
    </div>
  );
}

/** Previous / next links and where we are; nothing when everything fits on one page. */
export function Pagination(props: {
  locale: Locale;
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
}) {
  const { locale, page, pageCount } = props;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={dossierText(locale, 'pagination')}>
      {page > 1 ? (
        <a href={props.hrefOf(page - 1)} rel="prev" id="page-previous">
          {dossierText(locale, 'previous')}
        </a>
      ) : null}
      <span>
        {dossierText(locale, 'pageOf')} {page} {dossierText(locale, 'of')} {pageCount}
      </span>
      {page < pageCount ? (
        <a href={props.hrefOf(page + 1)} rel="next" id="page-next">
          {dossierText(locale, 'next')}
        </a>
      ) : null}
    </nav>
  );
}
