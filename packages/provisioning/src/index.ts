// Tenant lifecycle: provisioning, suspension and offboarding, recorded step by step in
// platform.provisioning_runs so that any run can be resumed where it stopped.

// The platform rows the verbs return, re-exported because routes may not import @motcua/db.
export type {
  ProvisioningRun,
  RunKind,
  RunStatus,
  RunStep,
  StepStatus,
  Tenant,
  TenantKind,
  TenantStatus,
} from '@motcua/db/platform';
export type { ProvisioningContext, ProvisioningHooks } from './context.ts';
export type { ProvisioningDriver } from './drivers/driver.ts';
export { localDriver, tenantMarkerKey } from './drivers/local.ts';
export { type ExportManifest, exportKeyFor } from './export/export-tenant.ts';
export { getTenant, type TenantDetails } from './get-tenant.ts';
export { provisionTenantInput, type StartProvisioningInput, tenantSlug } from './input.ts';
export { listTenants, type TenantListItem } from './list-tenants.ts';
export { offboardTenant } from './offboard-tenant.ts';
export { openTenantExport, type TenantExport } from './open-tenant-export.ts';
export { provisionTenant } from './provision-tenant.ts';
export { isAdminInvitationPending, resendAdminInvitation } from './resend-admin-invitation.ts';
export { resumeInterruptedRuns } from './resume-interrupted-runs.ts';
export { resumeTenant } from './resume-tenant.ts';
export { type RetryHandle, retryProvisioning } from './retry-provisioning.ts';
export { runOffboarding } from './run-offboarding.ts';
export { runProvisioning } from './run-provisioning.ts';
export { startOffboarding } from './start-offboarding.ts';
export { startProvisioning } from './start-provisioning.ts';
export {
  type OffboardStep,
  offboardSteps,
  type ProvisionStep,
  provisionSteps,
  type StepOutcome,
} from './steps.ts';
export { maxSuspensionReason, suspendTenant, suspendTenantInput } from './suspend-tenant.ts';
export {
  readUndeliverableEmails,
  type UndeliverableEmail,
  type UndeliverableEmails,
  type UndeliverableReason,
  undeliverableReasons,
} from './undeliverable-emails.ts';
export * from './usage/index.ts';
