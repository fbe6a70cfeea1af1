// Prepares a PostgreSQL server for Motcua with superuser rights: the application's login
// role (not a superuser; CREATEROLE so it can create tenant roles), its database, and what
// nobody in it may do (temporary tables, large objects). Used by the embedded launcher and the
// tests; a production server is prepared the same way once (README, "Production database").
import postgres from 'postgres';

export interface BootstrapOptions {
  superuserUrl: string;
  database: string;
  appRole: string;
  appPassword: string;
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Large objects live outside every schema, shared by the whole database, and their owner
 * role cannot be dropped while one exists: a tenant role that created one would see it from
 * no tenant's export and would block its own offboarding (DROP ROLE fails with 2BP01). No
 * role of Motcua needs them, so nobody gets to create them (the functions are owned by the
 * bootstrap superuser; PUBLIC has EXECUTE on them by default). `lo_import` is already
 * refused to ordinary roles; it is revoked too so that the statement says all of it.
 */
export const revokeLargeObjectsSql = `revoke execute on function
  pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer), pg_catalog.lo_from_bytea(oid, bytea),
  pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid) from public`;

function onDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function bootstrapDatabase({ superuserUrl, database, appRole, appPassword }: BootstrapOptions) {
  if (!identifier.test(database) || !identifier.test(appRole)) {
    throw new Error('database and role names must be lower-case identifiers');
  }
  const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    const [role] = await admin`select 1 from pg_roles where rolname = ${appRole}`;
    const password = appPassword.replaceAll("'", "''");
    if (!role) {
      await admin.unsafe(
        `create role ${appRole} login nosuperuser nobypassrls createrole password '${password}'`,
      );
    } else {
      await admin.unsafe(
        `alter role ${appRole} login nosuperuser nobypassrls createrole password '${password}'`,
      );
    }
    const [db] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!db)
      await admin.unsafe(`create database ${database} owner ${appRole} encoding 'UTF8' template template0`);
    // Tenant roles switch in through SET ROLE; none of them needs temporary tables.
    await admin.unsafe(`revoke temporary on database ${database} from public`);
  } finally {
    await admin.end();
  }
  // Function rights live in each database's own catalog: revoked there, as its superuser.
  const inDatabase = postgres(onDatabase(superuserUrl, database), { max: 1, onnotice: () => {} });
  try {
    await inDatabase.unsafe(revokeLargeObjectsSql);
  } finally {
    await inDatabase.end();
  }
  const url = new URL(superuserUrl);
  url.username = appRole;
  url.password = appPassword;
  url.pathname = `/${database}`;
  return url.toString();
}
