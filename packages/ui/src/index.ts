import { readFileSync } from 'node:fs';

export { PlatformLanding } from './platform/landing-page.tsx';
export { PortalHome } from './portal/home-page.tsx';
export { Field, Form, type FormError, Frame } from './shared/forms.tsx';
export { type Locale, locales, pickLocale, type StringKey, t } from './shared/i18n.ts';
export { Layout, type LayoutProps, languageSwitchHref } from './shared/layout.tsx';
export { MessagePage, type MessagePageProps } from './shared/message-page.tsx';
export { type AuthPageBase, authHref } from './shared/page-base.ts';

/**
 * The one stylesheet, served at `/assets/motcua.css`: the base (custom properties, layout,
 * components) followed by each area's own rules, in this order.
 */
export const stylesheetParts = [
  'shared/styles.css',
  'portal/styles.css',
  'portal/dossier-form/styles.css',
  'console/dossiers/styles.css',
  'console/procedures/styles.css',
  'console/settings/styles.css',
  'ops/styles.css',
] as const;
/** The platform's emblem, shown in the header where an agency has set no logo of its own. */
export const emblemSvg = readFileSync(new URL('./shared/emblem.svg', import.meta.url), 'utf8');
export const stylesheet = stylesheetParts
  .map((part) => readFileSync(new URL(`./${part}`, import.meta.url), 'utf8'))
  .join('\n');
export { type ApiKeyRow, ApiKeysPage, type ApiKeysPageProps } from './console/access/api-keys-page.tsx';
export {
  AuditPage,
  type AuditPageProps,
  type AuditRow,
  type ChainReport,
} from './console/access/audit-page.tsx';
export { ConsoleHome } from './console/access/home-page.tsx';
export { AcceptInvitationPage } from './console/access/invitation-page.tsx';
export {
  StaffPage,
  type StaffPageProps,
  type StaffRow,
  staffRoleNames,
} from './console/access/staff-page.tsx';
export { TotpEnrolPage } from './console/access/totp-enrol-page.tsx';
export * from './console/dossiers/index.ts';
export { ForbiddenPage } from './console/forbidden-page.tsx';
export type { ConsolePageBase } from './console/parts.tsx';
export * from './console/procedures/index.ts';
export * from './console/settings/index.ts';
export { type ConsoleStringKey, consoleText } from './console/strings.ts';
export * from './ops/index.ts';
export {
  AccountPage,
  type AccountPageProps,
  RegisterPage,
  ResetConfirmPage,
  ResetRequestPage,
  SignInPage,
  TotpPage,
} from './portal/account-pages.tsx';
export * from './portal/dossier-form/index.ts';
export * from './portal/index.ts';
export { type AuthStringKey, authText, passwordProblemText, roleName } from './shared/auth-strings.ts';
export { groupSecret } from './shared/format.ts';
