/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pieces the three settings pages share: the frame with its way back to the console, the
// confirmation banner, and a message tied to one control of a row.
import type { Child } from 'hono/jsx';
import { type AuthPageBase, authHref } from '../auth-pages.tsx';
import { authText } from '../auth-strings.ts';
import { consoleText } from '../console-strings.ts';
import { type FormError, Frame } from '../forms.tsx';

export type SettingsPageBase = AuthPageBase;

export function SettingsFrame(
  props: SettingsPageBase & {
    title: string;
    path: string;
    anchors?: Record<string, string>;
    notice?: string | undefined;
    children?: Child;
  },
) {
  const before = (
    <p class="back">
      <a href={authHref(props, '/console')}>{consoleText(props.locale, 'backToConsole')}</a>
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
      anchors={props.anchors ?? {}}
      before={before}
    >
      {props.notice ? (
        <div class="banner info" role="status" id="notice">
          {props.notice}
        </div>
      ) : null}
      <div class="settings-page">{props.children}</div>
    </Frame>
  );
}

/** The error of `field`, if any, among the page's errors. */
export const errorOf = (errors: FormError[] | undefined, field: string) =>
  errors?.find((e) => e.field === field);

export function InlineError(props: { page: SettingsPageBase; id: string; error: FormError | undefined }) {
  if (!props.error) return null;
  return (
    <p id={props.id} class="error-message">
      <span class="visually-hidden">{authText(props.page.locale, 'errorPrefix')} </span>
      {props.error.message}
    </p>
  );
}

/** A labelled control with its hint and message, the three tied together for screen readers. */
export function Control(props: {
  page: SettingsPageBase;
  id: string;
  label: string;
  hint?: string;
  class?: string;
  children: (describedBy: string | undefined, invalid: boolean) => Child;
}) {
  const error = errorOf(props.page.errors, props.id);
  const ids = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${error ? ' field-error' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      ) : null}
      <InlineError page={props.page} id={`${props.id}-error`} error={error} />
      {props.children(ids || undefined, Boolean(error))}
    </div>
  );
}
