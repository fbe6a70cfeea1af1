/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pieces every operator console page shares: the frame with its navigation, status tags and dates.

import type { Child } from 'hono/jsx';
import { formatInVietnam } from '../shared/format.ts';
import { Frame } from '../shared/forms.tsx';
import type { Locale } from '../shared/i18n.ts';
import { type AuthPageBase, authHref } from '../shared/page-base.ts';
import {
  type OpsStringKey,
  operatorRoleLabel,
  opsText,
  type StepStatusName,
  stepStatusLabel,
  type TenantStatusName,
  tenantStatusLabel,
} from './strings.ts';

export interface OpsPageBase extends AuthPageBase {
  /** The signed-in operator; absent on the sign-in steps, which show no navigation. */
  operator?: { fullName: string; role: string };
}

export const say = (page: { locale: Locale }, key: OpsStringKey) => opsText(page.locale, key);

/** A link inside the console, keeping the language chosen with `?lang=`. */
export const opsHref = (page: OpsPageBase, path: string) => authHref(page, path);

function OpsNav(page: OpsPageBase & { operator: { fullName: string; role: string } }) {
  return (
    <nav class="ops-nav" aria-label={say(page, 'navLabel')}>
      <ul>
        <li>
          <a href={opsHref(page, '/ops')}>{say(page, 'navTenants')}</a>
        </li>
        <li>
          <a href={opsHref(page, '/ops/tenants/new')}>{say(page, 'navNewTenant')}</a>
        </li>
      </ul>
      <form method="post" action={opsHref(page, '/ops/sign-out')} class="ops-sign-out">
        <span class="muted">
          {say(page, 'signedInAs')} {page.operator.fullName} (
          {operatorRoleLabel(page.locale, page.operator.role)})
        </span>
        <button type="submit" class="button secondary" id="ops-sign-out">
          {say(page, 'signOut')}
        </button>
      </form>
    </nav>
  );
}

/** The shared frame (h1, error summary) with the console navigation above it once signed in. */
export function OpsFrame(
  props: OpsPageBase & {
    title: string;
    path: string;
    anchors?: Record<string, string>;
    back?: { href: string; label: string };
    children?: Child;
  },
) {
  const { operator, back, ...rest } = props;
  const before = (
    <>
      {operator ? <OpsNav {...props} operator={operator} /> : null}
      {back ? (
        <p class="back">
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
    </>
  );
  return <Frame {...rest} before={before} />;
}

export function TenantStatusTag(props: { locale: Locale; status: TenantStatusName }) {
  return (
    <strong class={`ops-tag ops-tag-${props.status}`}>{tenantStatusLabel(props.locale, props.status)}</strong>
  );
}

export function StepStatusTag(props: { locale: Locale; status: StepStatusName }) {
  return (
    <strong class={`ops-tag ops-tag-${props.status}`}>{stepStatusLabel(props.locale, props.status)}</strong>
  );
}

export const kindLabel = (locale: Locale, kind: string) =>
  opsText(locale, kind === 'ministry' ? 'kindMinistry' : 'kindProvince');

/** Dates as an official reads them, in Vietnam's time zone whatever the server's. */
export function formatDate(locale: Locale, date: Date, withTime = false): string {
  return formatInVietnam(locale, date, {
    dateStyle: 'short',
    ...(withTime ? { timeStyle: 'short' } : {}),
  });
}

export function OpsForbiddenPage(page: OpsPageBase & { path: string }) {
  return (
    <OpsFrame
      {...page}
      title={say(page, 'forbiddenTitle')}
      back={{ href: opsHref(page, '/ops'), label: say(page, 'backToList') }}
    >
      <p>{say(page, 'forbiddenBody')}</p>
    </OpsFrame>
  );
}
