// The isolated unit of work: one transaction that first switches, transaction-locally, to
// the tenant's NOLOGIN role and schema. The login role holds no rights on tenant schemas,
// so code that forgets the scope fails with a permission error instead of reading another
// agency's rows. Nothing here touches session state that outlives the transaction.
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { type TenantSlug, tenantNames } from './names.ts';

type TenantTransaction = Parameters<Parameters<Database['tenant']['transaction']>[0]>[0];
/** A tenant-bound handle: the only way route and domain code reaches tenant tables. */
export type TenantDb = TenantTransaction;

/** A unit of work left its tenant's role or schema; its transaction was rolled back. */
export class TenantScopeViolationError extends Error {
  override name = 'TenantScopeViolationError';
}

export async function withTenant<T>(
  database: Database,
  slug: TenantSlug,
  work: (db: TenantDb) => Promise<T>,
): Promise<T> {
  const { schema, role } = tenantNames(slug);
  return database.tenant.transaction(async (tx) => {
    // One round trip for both settings; `true` makes them local to this transaction.
    await tx.execute(
      sql`select set_config('search_path', ${schema}, true), set_config('role', ${role}, true)`,
    );
    const result = await work(tx);
    // PostgreSQL checks SET ROLE against the session's login role, which may become every
    // tenant's role, so a statement inside the scope can switch to another tenant (or back
    // to the login role); a plain SET would even outlive the commit on the pooled
    // connection. Such a unit of work is rolled back and returns nothing. The check also
    // turns a transaction that a swallowed error aborted into an error, where COMMIT would
    // silently roll it back.
    const [state] = await tx.execute<{ intact: boolean }>(
      sql`select current_user = ${role} and current_setting('search_path') = ${schema} as intact`,
    );
    if (state?.intact !== true) {
      throw new TenantScopeViolationError(
        `A unit of work for tenant "${slug}" changed its role or search_path; it was rolled back.`,
      );
    }
    return result;
  });
}
