/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Small pieces the dossier pages share: the status tag, deadline flags, dates in Vietnam time,
// the console frame with its back link, and pagination.

import type { Child } from 'hono/jsx';
import { formatInVietnam } from '../../shared/format.ts';
import { Frame } from '../../shared/forms.tsx';
import type { Locale } from '../../shared/i18n.ts';
import { NationalStatusTag } from '../../shared/national-status.tsx';
import { authHref } from '../../shared/page-base.ts';
import { type ConsoleDossierStringKey, consoleDossierText, stateDetail } from './strings.ts';
import type { ConsolePage, DeadlineFlag } from './types.ts';

export const say = (page: { locale: Locale }, key: ConsoleDossierStringKey) =>
  consoleDossierText(page.locale, key);

/** An instant as the agency reads it: Vietnam time, whatever the server's zone. */
export function formatDateTime(locale: Locale, iso: string | null): string {
  if (!iso) return '—';
  return formatInVietnam(locale, new Date(iso), {
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
  return (
    <NationalStatusTag
      locale={props.locale}
      nationalStatus={props.nationalStatus}
      audience="staff"
      detail={stateDetail(props.locale, props.state)}
    />
  );
}

const flagKeys: Record<DeadlineFlag, ConsoleDossierStringKey> = {
  on_time: 'onTime',
  due_soon: 'dueSoon',
  late: 'late',
};

export function FlagTag(props: { locale: Locale; flag: DeadlineFlag | null }) {
  if (!props.flag || props.flag === 'on_time') return null;
  return (
    <span class={`tag flag-${props.flag}`}>{consoleDossierText(props.locale, flagKeys[props.flag])}</span>
  );
}

/** The shared frame with a back link above the heading. */
export function DossierFrame(
  props: ConsolePage & {
    title: string;
    path: string;
    back: [string, ConsoleDossierStringKey];
    children?: Child;
  },
) {
  const [href, key] = props.back;
  return (
    <Frame
      locale={props.locale}
      siteName={props.siteName}
      basePath={props.basePath}
      errors={props.errors ?? []}
      title={props.title}
      path={props.path}
      back={{ href: authHref(props, href), label: say(props, key) }}
    >
      {props.children}
    </Frame>
  );
}
