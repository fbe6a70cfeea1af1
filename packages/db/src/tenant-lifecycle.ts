// Creating and dropping a tenant's schema and roles. Each function is idempotent: a
// provisioning run that crashed half-way calls it again and it finishes the job.
import type { Database } from './client.ts';
import { type TenantSlug, tenantNames } from './names.ts';
import { broadcastMembershipChange } from './role-membership.ts';

/**
 * Creates the owner role, the runtime role and the schema. The login role gets SET (to
 * switch) but not INHERIT on both, so outside a unit of work it holds no tenant rights.
 */
export async function createTenantSchema(database: Database, slug: TenantSlug): Promise<void> {
  const { schema, role, ownerRole } = tenantNames(slug);
  // Names come from a validated slug ([a-z0-9_] only); identifiers cannot be bound.
  await database.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`motcua.tenant.${slug}`}, 0))`;
    for (const name of [ownerRole, role]) {
      const [exists] = await tx`select 1 from pg_roles where rolname = ${name}`;
      if (!exists) await tx.unsafe(`create role ${name} nologin noinherit`);
      await tx.unsafe(`grant ${name} to current_user with inherit false, set true`);
    }
    await tx.unsafe(`create schema if not exists ${schema} authorization ${ownerRole}`);
    await tx`select set_config('role', ${ownerRole}, true)`;
    await tx.unsafe(`grant usage on schema ${schema} to ${role}`);
    await tx.unsafe(
      `alter default privileges for role ${ownerRole} in schema ${schema}
         grant select, insert, update, delete on tables to ${role}`,
    );
    await tx.unsafe(
      `alter default privileges for role ${ownerRole} in schema ${schema}
         grant usage, select on sequences to ${role}`,
    );
  });
  // Backends that rebuilt their membership cache while the grants above committed may have
  // missed them; make every backend rebuild it (see role-membership.ts).
  await broadcastMembershipChange(database);
}

export async function tenantSchemaExists(database: Database, slug: TenantSlug): Promise<boolean> {
  const [row] = await database.sql`select 1 from pg_namespace where nspname = ${tenantNames(slug).schema}`;
  return row !== undefined;
}

/** Drops the schema with everything in it, then both roles. Safe to call again. */
export async function dropTenantSchema(database: Database, slug: TenantSlug): Promise<void> {
  const { schema, role, ownerRole } = tenantNames(slug);
  await database.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`motcua.tenant.${slug}`}, 0))`;
    const present = await tx<{ rolname: string }[]>`
      select rolname from pg_roles where rolname in (${ownerRole}, ${role})`;
    if (present.some((r) => r.rolname === ownerRole)) {
      await tx`select set_config('role', ${ownerRole}, true)`;
      await tx.unsafe(`drop schema if exists ${schema} cascade`);
      // Removes the default-privilege entries and grants that would block dropping the roles.
      await tx.unsafe(`drop owned by ${ownerRole}`);
      await tx`select set_config('role', 'none', true)`;
    }
    for (const { rolname } of present) await tx.unsafe(`drop role if exists ${rolname}`);
  });
}
