// Connections. The package exports a factory, never a global client: each process decides
// its pool, and handlers only ever see a tenant-bound handle.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as platformSchema from './platform/index.ts';
import { createSecretBox, missingSecretBox, type SecretKeys } from './secret-box.ts';
import * as tenantSchema from './tenant/index.ts';

export interface DatabaseOptions {
  url: string;
  /** Pool size. */
  max?: number;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
  /** MOTCUA_SECRET_KEY (and rotated-out keys) for the secrets stored sealed; without it they cannot be used. */
  secretKeys?: SecretKeys;
}

export function createDatabase({ url, max = 10, applicationName = 'motcua', secretKeys }: DatabaseOptions) {
  const sql = postgres(url, {
    max,
    idle_timeout: 30,
    connect_timeout: 10,
    // After a database outage the next attempt waits at most a second: postgres.js's own
    // backoff grows to 20 s after a dozen refused connections, so it came back that much later.
    backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 1),
    onnotice: () => {},
    connection: { application_name: applicationName },
  });
  return {
    sql,
    /** Platform tables, schema-qualified (`platform.*`). */
    platform: drizzle(sql, { schema: platformSchema }),
    /** Tenant tables, unqualified: only usable inside {@link withTenant}. */
    tenant: drizzle(sql, { schema: tenantSchema }),
    /** Seals and opens the secrets stored in this database's columns (see secret-box.ts). */
    secrets: secretKeys ? createSecretBox(secretKeys) : missingSecretBox(),
    close: () => sql.end({ timeout: 5 }),
  };
}

export type Database = ReturnType<typeof createDatabase>;
export type PlatformDb = Database['platform'];

export class IsolationNotPossibleError extends Error {
  override name = 'IsolationNotPossibleError';
}

/**
 * Refuses to serve with a login role that would make tenant isolation moot: a superuser or
 * a BYPASSRLS role reads every schema whatever role a transaction switches to; and in a
 * database whose large objects every role may create.
 */
export async function assertIsolationReady(database: Database): Promise<void> {
  const rows = await database.sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }[]>`
    select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = current_user`;
  const role = rows[0];
  if (!role) throw new IsolationNotPossibleError('The database login role could not be read.');
  if (role.rolsuper || role.rolbypassrls) {
    throw new IsolationNotPossibleError(
      'DATABASE_URL connects as a superuser or BYPASSRLS role; tenant isolation needs an ordinary login role with CREATEROLE.',
    );
  }
  if (!role.rolcreaterole) {
    throw new IsolationNotPossibleError(
      'The DATABASE_URL role lacks CREATEROLE; it needs it to create each tenant role.',
    );
  }
  // Large objects are shared by every tenant of the database and keep a tenant's role from
  // being dropped; the server's preparation revokes their creation from PUBLIC.
  const [largeObjects] = await database.sql<{ creatable: boolean }[]>`
    select has_function_privilege('pg_catalog.lo_create(oid)', 'execute')
        or has_function_privilege('pg_catalog.lo_creat(integer)', 'execute')
        or has_function_privilege('pg_catalog.lo_from_bytea(oid, bytea)', 'execute') as creatable`;
  if (largeObjects?.creatable) {
    throw new IsolationNotPossibleError(
      'Every role may create large objects in this database, which tenants would share; as a superuser, connected to it, run: ' +
        'revoke execute on function lo_create(oid), lo_creat(integer), lo_from_bytea(oid, bytea), lo_import(text), lo_import(text, oid) from public',
    );
  }
}
