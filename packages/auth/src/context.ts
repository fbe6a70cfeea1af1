// What the tenant-side verbs of this package receive: a tenant, who acts, and where from.
import type { Database, TenantSlug } from '@motcua/db';
import type { Actor } from './permissions.ts';

export interface AuthContext {
  database: Database;
  slug: TenantSlug;
  actor: Actor;
  /** Written to audit rows so that they can be traced to the request. */
  requestId?: string;
  ip?: string;
}
