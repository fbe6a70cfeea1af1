// Launchers before per-checkout secrets gave every embedded cluster the superuser password
// `postgres`. A cluster they created is moved to the checkout's own password on its next start.
import postgres from 'postgres';

async function connectOrRefused(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return sql;
  } catch (error) {
    await sql.end();
    if ((error as { code?: string }).code === '28P01') return undefined; // invalid_password
    throw error;
  }
}

/** Makes the password in `superuserUrl` the superuser's, if the cluster still has `legacyPassword`. */
export async function adoptSuperuserPassword(superuserUrl: string, legacyPassword: string): Promise<void> {
  const current = await connectOrRefused(superuserUrl);
  if (current) {
    await current.end();
    return;
  }
  const legacyUrl = new URL(superuserUrl);
  legacyUrl.password = legacyPassword;
  const legacy = await connectOrRefused(legacyUrl.toString());
  if (!legacy) {
    throw new Error(
      'The embedded PostgreSQL refused the superuser password kept in secrets.json; if that file was replaced, restore it, or start over by removing the postgres data directory.',
    );
  }
  try {
    const password = decodeURIComponent(new URL(superuserUrl).password).replaceAll("'", "''");
    // ALTER ROLE … PASSWORD takes no bind parameter.
    await legacy.unsafe(`alter role postgres password '${password}'`);
  } finally {
    await legacy.end();
  }
}
