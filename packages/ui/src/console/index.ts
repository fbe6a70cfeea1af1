// The agency console (staff and admins): access (staff, API keys, audit trail, joining by
// invitation, enrolling a second factor), the dossiers, the procedure editor and the settings.
export { type ApiKeyRow, ApiKeysPage, type ApiKeysPageProps } from './access/api-keys-page.tsx';
export { AuditPage, type AuditPageProps, type AuditRow, type ChainReport } from './access/audit-page.tsx';
export { ConsoleHome } from './access/home-page.tsx';
export { AcceptInvitationPage } from './access/invitation-page.tsx';
export { StaffPage, type StaffPageProps, type StaffRow, staffRoleNames } from './access/staff-page.tsx';
export { TotpEnrolPage } from './access/totp-enrol-page.tsx';
export * from './dossiers/index.ts';
export { ForbiddenPage } from './forbidden-page.tsx';
export type { ConsolePageBase } from './parts.tsx';
export * from './procedures/index.ts';
export * from './settings/index.ts';
export { type ConsoleStringKey, consoleText } from './strings.ts';
