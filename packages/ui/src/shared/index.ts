// The design system every area draws with: the layout and its frame, forms and components, the
// strings and formats they share, the national status, the message page, the stylesheet.
export { type AuthStringKey, authText, passwordProblemText, roleName } from './auth-strings.ts';
export { groupSecret } from './format.ts';
export { Field, Form, type FormError, Frame } from './forms.tsx';
export { type Locale, locales, pickLocale, type StringKey, t } from './i18n.ts';
export { Layout, type LayoutProps, languageSwitchHref } from './layout.tsx';
export { MessagePage, type MessagePageProps } from './message-page.tsx';
export { type AuthPageBase, authHref } from './page-base.ts';
export { emblemSvg, stylesheet, stylesheetParts } from './stylesheet.ts';
