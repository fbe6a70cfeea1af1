// Prepares a PostgreSQL server for Motcua with superuser rights: the application's login
// role (not a superuser; CREATEROLE so it can create tenant roles) and its database. Used by
// the embedded launcher and the tests; a production server is prepared the same way once.
import postgres from 'postgres';

export interface BootstrapOptions {
  superuserUrl: string;
  database: string;
  appRole: string;
  appPassword: string;
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

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
  const url = new URL(superuserUrl);
  url.username = appRole;
  url.password = appPassword;
  url.pathname = `/${database}`;
  return url.toString();
}
