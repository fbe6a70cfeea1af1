// The one typed request context every Hono app of the API shares.
import type { Database, TenantDb } from '@motcua/db';
import type { PaymentProvider, UploadLimits } from '@motcua/engine';
import type { Mailer } from '@motcua/mail';
import type { ProvisioningContext } from '@motcua/provisioning';
import type { ReadyKeeper, Storage } from '@motcua/storage';
import type { ApiEnv } from './env.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { ResolvedTenant, TenantResolver } from './tenancy/resolver.ts';

export interface AppDeps {
  env: Pick<
    ApiEnv,
    | 'PLATFORM_DOMAIN'
    | 'PUBLIC_URL'
    | 'PORT'
    | 'MOTCUA_OPS_TOKEN'
    | 'TRUST_PROXY_HOPS'
    | 'OIDC_ALLOWED_HOSTS'
    | 'REQUEST_TIMEOUT_MS'
  >;
  database: Database;
  storage: Storage;
  /** Probes storage while it is away (from start-up on); stopped with the pool. */
  storageKeeper: ReadyKeeper;
  /** What citizens' uploads may take (CITIZEN_STORAGE_QUOTA_MB). */
  uploadLimits: UploadLimits;
  /** Outgoing email (password reset links); writes to the log when SMTP_URL is unset. */
  mailer: Mailer;
  provisioning: ProvisioningContext;
  logger: Logger;
  metrics: Metrics;
  tenants: TenantResolver;
  /** Background work started by a request (provisioning runs); tests and shutdown await it. */
  background: Set<Promise<unknown>>;
  /** What "now" is for deadlines and codes: the system clock, or a test's fixed one. */
  clock: () => Date;
  /** Online payment providers by name; none until one is configured (the billing work adds Stripe). */
  payments: Map<string, PaymentProvider>;
}

/** Set by the dispatcher before a request reaches the tenant app. */
export interface AppBindings {
  /** '' on a tenant host, '/t/<slug>' on the path fallback. */
  basePath: string;
  tenantSlug?: string;
  tenantDomain?: string;
  /** The client's address as the socket saw it. */
  clientIp?: string;
  /** True when the request reached us over https (cookies get `Secure` and `__Host-`). */
  secure?: boolean;
}

export type RunInTenant = <T>(work: (db: TenantDb) => Promise<T>) => Promise<T>;

export interface AppEnv {
  Bindings: AppBindings;
  Variables: {
    requestId: string;
    logger: Logger;
    deps: AppDeps;
    tenant: ResolvedTenant;
    /** The tenant-bound unit of work: the only way handlers reach tenant data. */
    inTenant: RunInTenant;
  };
}
