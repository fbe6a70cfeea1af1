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
    return work(tx);
  });
}
