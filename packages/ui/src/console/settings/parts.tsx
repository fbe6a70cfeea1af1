/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pieces the three settings pages share: the frame with its way back to the console, the
// confirmation banner, and a message tied to one control of a row.
import type { Child } from 'hono/jsx';
import { Banner, Control as SharedControl } from '../../shared/components.tsx';
import { ErrorMessage, type FormError, Frame } from '../../shared/forms.tsx';
import { type AuthPageBase, authHref } from '../../shared/page-base.ts';
import { consoleText } from '../strings.ts';

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
  return (
    <Frame
      locale={props.locale}
      siteName={props.siteName}
      basePath={props.basePath}
      errors={props.errors ?? []}
      title={props.title}
      path={props.path}
      anchors={props.anchors ?? {}}
      back={{ href: authHref(props, '/console'), label: consoleText(props.locale, 'backToConsole') }}
    >
      {props.notice ? <Banner id="notice">{props.notice}</Banner> : null}
      <div class="settings-page">{props.children}</div>
    </Frame>
  );
}

/** The error of `field`, if any, among the page's errors. */
export const errorOf = (errors: FormError[] | undefined, field: string) =>
  errors?.find((e) => e.field === field);

export function InlineError(props: { page: SettingsPageBase; id: string; error: FormError | undefined }) {
  return <ErrorMessage locale={props.page.locale} id={props.id} error={props.error} />;
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
  const { page, children, ...rest } = props;
  return (
    <SharedControl {...rest} locale={page.locale} errors={page.errors}>
      {(aria) => children(aria.describedBy, aria.invalid === 'true')}
    </SharedControl>
  );
}
