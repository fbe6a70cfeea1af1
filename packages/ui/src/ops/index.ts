// The operator console's pages (platform host): sign-in steps, the agency list, onboarding with
// live progress, an agency's lifecycle actions and the offboarding confirmation.
export { AdminInvitationSection, UndeliverableSection, type UndeliverableView } from './mail-section.tsx';
export { type NewTenantValues, OpsNewTenantPage } from './new-tenant-page.tsx';
export { type OffboardPageProps, OpsOffboardPage } from './offboard-page.tsx';
export { formatDate, OpsForbiddenPage, type OpsPageBase, opsHref } from './parts.tsx';
export { opsProgressScript } from './progress-script.ts';
export { OpsSignInPage, OpsTotpEnrolPage, OpsTotpPage } from './sign-in-pages.tsx';
export {
  type OpsStringKey,
  operatorRoleLabel,
  opsText,
  type StepStatusName,
  stepLabel,
  stepStatusLabel,
  type TenantStatusName,
  tenantStatusLabel,
} from './strings.ts';
export { OpsTenantListPage, type TenantListPageProps, type TenantListRow } from './tenant-list-page.tsx';
export {
  OpsTenantPage,
  type RunStepView,
  type RunView,
  type TenantNotice,
  type TenantPageProps,
  type TenantView,
  tenantNotices,
} from './tenant-page.tsx';
export {
  formatCount,
  formatMonth,
  formatStorage,
  UsageCell,
  UsageSection,
  type UsageView,
} from './usage.tsx';
