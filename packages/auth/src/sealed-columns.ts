// The columns whose secrets are stored sealed (see @motcua/db's secret-box.ts), each named as
// the purpose it is sealed for, so a value copied into another column does not open there.
// Values stored in clear before sealing are sealed on their first use (read, then written
// back in the same unit of work).
export const sealedColumns = {
  staffTotpSecret: 'tenant.staff_users.totp_secret',
  operatorTotpSecret: 'platform.operators.totp_secret',
  oidcClientSecret: 'tenant.settings.oidc.client_secret',
} as const;
