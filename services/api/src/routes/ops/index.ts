// The operator API: onboarding and the tenant lifecycle. Mounted at /api/ops on the platform host.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { opsAuth } from '../../middleware/ops-auth.ts';
import { validationHook } from '../validation-hook.ts';
import { resendAdminInvitationHandler, resendAdminInvitationRoute } from './admin-invitation.ts';
import {
  resumeTenantHandler,
  resumeTenantRoute,
  suspendTenantHandler,
  suspendTenantRoute,
} from './change-status.ts';
import { createTenant, createTenantRoute } from './create-tenant.ts';
import { downloadExportHandler, downloadExportRoute } from './download-export.ts';
import { getTenantHandler, getTenantRoute } from './get-tenant.ts';
import { listTenantsHandler, listTenantsRoute } from './list-tenants.ts';
import { offboardTenantHandler, offboardTenantRoute } from './offboard-tenant.ts';
import { retryProvisioningHandler, retryProvisioningRoute } from './retry-provisioning.ts';
import { supportStaffHandler, supportStaffRoute } from './support-staff.ts';
import { undeliverableEmailsHandler, undeliverableEmailsRoute } from './undeliverable-emails.ts';

export function opsRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent('securitySchemes', 'opsToken', { type: 'http', scheme: 'bearer' });
  // Only the tenant routes: /api/ops/auth/* is mounted beside this app and must stay reachable.
  app.use('/tenants/:slug/export', opsAuth('tenants.manage'));
  app.use('/tenants', opsAuth());
  app.use('/tenants/*', opsAuth());
  return app
    .openapi(createTenantRoute, createTenant)
    .openapi(listTenantsRoute, listTenantsHandler)
    .openapi(getTenantRoute, getTenantHandler)
    .openapi(suspendTenantRoute, suspendTenantHandler)
    .openapi(resumeTenantRoute, resumeTenantHandler)
    .openapi(retryProvisioningRoute, retryProvisioningHandler)
    .openapi(offboardTenantRoute, offboardTenantHandler)
    .openapi(downloadExportRoute, downloadExportHandler)
    .openapi(supportStaffRoute, supportStaffHandler)
    .openapi(resendAdminInvitationRoute, resendAdminInvitationHandler)
    .openapi(undeliverableEmailsRoute, undeliverableEmailsHandler);
}
