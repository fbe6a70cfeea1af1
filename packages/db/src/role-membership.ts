// PostgreSQL caches, per backend, the roles its login role may SET ROLE to, and drops that
// cache when pg_auth_members changes. A backend that rebuilds the cache while another
// transaction's GRANT commits can keep a list without the new role until the next change;
// under concurrent provisioning the fleet benchmark saw "permission denied to set role" for
// 11 of 1,000 brand-new tenants. Granting and revoking a throw-away membership changes
// pg_auth_members, which makes every backend rebuild its cache at its next transaction.

import type { Database } from './client.ts';

/** Inside a transaction of the login role; the change is broadcast when it commits. */
export const broadcastMembershipChangeSql = `select pg_advisory_xact_lock(1836020579);
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'motcua_membership_epoch') then
    create role motcua_membership_epoch nologin;
  end if;
end $$;
grant motcua_membership_epoch to current_user with inherit false, set false;
revoke motcua_membership_epoch from current_user`;

export async function broadcastMembershipChange(database: Database): Promise<void> {
  await database.sql.begin((tx) => tx.unsafe(broadcastMembershipChangeSql).simple());
}

/** True for the error a stale membership cache produces when switching to `role`. */
export function isStaleMembershipError(error: unknown, role: string): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '42501' && e.message === `permission denied to set role "${role}"`;
}
