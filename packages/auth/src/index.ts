// Sign-in and access for Motcua: sessions (tenant and operator realms), passwords, sign-in
// throttling, TOTP, API keys, the permission table and tenant audit rows.

export {
  apiKeyActor,
  type GeneratedApiKey,
  generateApiKey,
  type ParsedApiKey,
  type PublicApiKey,
  parseApiKey,
  verifyApiKey,
} from './api-keys.ts';
export { type AuditEntry, maskAuditDetails, recordAudit, redacted } from './audit.ts';
export type { AuthContext } from './context.ts';
export { type CreateApiKeyInput, createApiKey } from './create-api-key.ts';
export {
  type EmailedTokenPurpose,
  type IssuedToken,
  issueEmailedToken,
  queueEmailedToken,
} from './emailed-tokens.ts';
export { listApiKeys } from './list-api-keys.ts';
export * from './oidc/index.ts';
export {
  getOidcSettings,
  type OidcSettingsContext,
  type OidcSettingsView,
  setOidcSettings,
  type TenantOidcSettings,
} from './oidc-settings-store.ts';
export {
  createOperatorSession,
  invalidateAllOperatorSessions,
  invalidateOperatorSession,
  markOperatorTwoFactorVerified,
  type OperatorPrincipal,
  type OperatorSession,
  type OperatorSessionValidation,
  validateOperatorSession,
} from './operator-sessions.ts';
export {
  beginOperatorTotpEnrolment,
  confirmOperatorTotpEnrolment,
  type OperatorAuthContext,
  signInOperator,
  upsertOperator,
  verifyOperatorSecondFactor,
} from './operator-sign-in.ts';
export {
  confirmPasswordReset,
  invalidOrExpiredToken,
  type PasswordResetConfirmContext,
  type PasswordResetRequestContext,
  passwordResetConfirmInput,
  passwordResetPolicy,
  passwordResetRequestInput,
  requestPasswordReset,
} from './password-reset.ts';
export {
  checkPassword,
  hashPassword,
  needsRehash,
  type PasswordProblem,
  type PasswordProblemCode,
  passwordHashOptions,
  passwordMaxLength,
  passwordMinLength,
  passwordProblemCodes,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.ts';
export {
  type Actor,
  actorCan,
  actorRef,
  apiKeyPermissions,
  assertCan,
  can,
  isPermission,
  type OperatorPermission,
  operatorPermissions,
  operatorRolePermissions,
  type Permission,
  permissions,
  type Role,
  type StaffPermission,
  staffPermissions,
  staffRolePermissions,
} from './permissions.ts';
export { looksLikePhone, normalisePhone } from './phone.ts';
export {
  type PurgedLimits,
  type PurgeExpiredLimitsInput,
  purgeExpiredLimits,
} from './purge-expired-limits.ts';
export { checkAuditChain, readAuditLog } from './read-audit-log.ts';
export { type RegisterContext, registerCitizen, registerCitizenInput } from './register-citizen.ts';
export { revokeApiKey } from './revoke-api-key.ts';
export {
  type CookieRealm,
  clearSessionCookie,
  cookieName,
  cookieRealms,
  type SessionCookieOptions,
  sessionCookie,
} from './session-cookie.ts';
export {
  parseSessionToken,
  type SessionKind,
  type SessionPolicy,
  type SessionToken,
  sessionKinds,
  sessionPolicies,
} from './sessions.ts';
export {
  parseTenantSignIn,
  type SecondFactor,
  type SignInInput,
  signInInput,
  tenantSignInInput,
  wrongCredentials,
} from './sign-in-input.ts';
export { signInToTenant, type TenantSignInContext, type TenantSignInResult } from './sign-in-to-tenant.ts';
export {
  beginOidcSignIn,
  completeOidcSignIn,
  OidcNotConfiguredError,
  type OidcSignInContext,
  type OidcSignInOutcome,
  type OidcSignInResult,
} from './sign-in-with-oidc.ts';
export {
  type AcceptInvitationContext,
  acceptInvitation,
  acceptInvitationInput,
  invalidInvitation,
} from './staff/accept-invitation.ts';
export {
  type InviteStaffDeps,
  type InviteStaffInput,
  inviteStaff,
  inviteStaffInput,
} from './staff/invite-staff.ts';
export { listStaff } from './staff/list-staff.ts';
export { listUnitChoices, type UnitChoice } from './staff/list-units.ts';
export {
  queueNewInvitation,
  resendFirstAdminInvitation,
  resendInvitation,
} from './staff/resend-invitation.ts';
export { invitationPolicy, type StaffView } from './staff/staff-view.ts';
export { type UpdateStaffInput, updateStaff, updateStaffInput } from './staff/update-staff.ts';
export {
  createSupportGrant,
  listSupportGrants,
  maxSupportGrantHours,
  revokeSupportGrant,
  type SupportAccessContext,
  supportStaffView,
  withSupportAccess,
} from './support-grants.ts';
export {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  type SecondFactorContext,
  verifyTenantSecondFactor,
} from './tenant-second-factor.ts';
export {
  type CitizenPrincipal,
  type CreateTenantSessionInput,
  createTenantSession,
  invalidateAllTenantSessions,
  invalidateTenantSession,
  markTwoFactorVerified,
  type StaffPrincipal,
  type TenantPrincipal,
  type TenantSession,
  type TenantSessionValidation,
  validateTenantSession,
} from './tenant-sessions.ts';
export {
  admitAttempt,
  checkThrottle,
  lockSecondsAfter,
  recordSuccess,
  type ThrottleScope,
  type ThrottleStatus,
  throttlePolicy,
} from './throttle.ts';
export { normaliseEmail, type SignInAttempt, throttleKeys } from './throttle-keys.ts';
export { constantTimeEqual, generateId, generateSecret, hashSecret, randomBase32 } from './tokens.ts';
export { createTotpSecret, matchTotpStep, totpUri, verifyTotp } from './totp.ts';
