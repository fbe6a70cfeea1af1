// What every provisioning verb receives: the database, object storage, the driver that
// builds per-tenant infrastructure, and hooks for logging and failure injection in tests.
import type { Database, TenantSlug } from '@motcua/db';
import type { Storage } from '@motcua/storage';
import type { ProvisioningDriver } from './drivers/driver.ts';

export interface ProvisioningHooks {
  /** Called when a step starts, before its work; throwing fails the step (tests inject failures here). */
  beforeStep?: (step: string, slug: TenantSlug) => void | Promise<void>;
  /** Called after a step's work, before it is recorded as done; throwing fails the step with its work done. */
  afterStep?: (step: string, slug: TenantSlug) => void | Promise<void>;
  /** Receives the full error of a failed step; the run itself records only a safe message. */
  onStepFailed?: (step: string, slug: TenantSlug, error: unknown) => void;
}

export interface ProvisioningContext {
  database: Database;
  storage: Storage;
  hooks?: ProvisioningHooks;
  /** Builds the tenant's storage and infrastructure; the local driver when omitted. */
  driver?: ProvisioningDriver;
  /** Written to platform audit rows so that they can be traced to the request. */
  requestId?: string;
  /**
   * The agency's site (scheme, host, port; no trailing slash) for the links emails carry, such
   * as the first admin's invitation; from configuration, never from a request's Host header.
   * `http://<slug>.localhost` when absent.
   */
  tenantSiteUrl?: (slug: TenantSlug) => string;
}

export function tenantSiteUrlOf(ctx: ProvisioningContext, slug: TenantSlug): string {
  return ctx.tenantSiteUrl ? ctx.tenantSiteUrl(slug) : `http://${slug}.localhost`;
}
