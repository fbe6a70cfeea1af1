/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pieces the console's own pages share (access, the forbidden page): their base, their words,
// the frame whose way back leads to the console's home, and instants as the agency reads them.
import { formatInVietnam } from '../shared/format.ts';
import { Frame } from '../shared/forms.tsx';
import type { Locale } from '../shared/i18n.ts';
import { type AuthPageBase, authHref } from '../shared/page-base.ts';
import { type ConsoleStringKey, consoleText } from './strings.ts';

export type ConsolePageBase = AuthPageBase;

export const say = (page: { locale: Locale }, key: ConsoleStringKey) => consoleText(page.locale, key);

/** The shared frame; `back` leads to the console's home. */
export function ConsoleFrame(props: Omit<Parameters<typeof Frame>[0], 'back'> & { back?: boolean }) {
  const { back, ...rest } = props;
  const home = { href: authHref(props as ConsolePageBase, '/console'), label: say(props, 'backToConsole') };
  return <Frame {...rest} back={back ? home : undefined} />;
}

export const dateTime = (locale: Locale, date: Date | null) =>
  date ? formatInVietnam(locale, date, { dateStyle: 'short', timeStyle: 'medium' }) : '—';
