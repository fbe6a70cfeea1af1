// What the offboarding export leaves out: the credentials people and systems use to reach this
// platform. They are of no use to the agency's next system (which has its own), and in an
// archive that leaves the platform they would let anyone holding it crack passwords offline,
// produce TOTP codes or act as the agency's client at its identity provider.
export interface OmittedField {
  table: string;
  column: string;
  /** A key inside the column's JSON value, when only that key is left out. */
  key?: string;
  reason: string;
}

const passwordHash = 'password hash: people set a new password on the next system';

export const omittedFromExport: readonly OmittedField[] = [
  { table: 'staff_users', column: 'password_hash', reason: passwordHash },
  { table: 'staff_users', column: 'totp_secret', reason: 'TOTP secret: staff enrol a new authenticator' },
  { table: 'citizens', column: 'password_hash', reason: passwordHash },
  { table: 'sessions', column: 'secret_hash', reason: 'sign-in session secret (hashed): sessions end here' },
  {
    table: 'one_time_tokens',
    column: 'secret_hash',
    reason: 'emailed link secret (hashed): reset and invitation links end here',
  },
  { table: 'api_keys', column: 'secret_hash', reason: 'API key secret (hashed): integrations get new keys' },
  {
    table: 'settings',
    column: 'value',
    key: 'clientSecret',
    reason: 'identity provider client secret: the agency has it from its provider, or asks for a new one',
  },
];

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The select list exporting `table`'s columns without its credentials, the columns it keeps,
 * and what was left out of it (for the manifest).
 */
export function exportedColumns(table: string, columns: readonly string[]) {
  const omitted = omittedFromExport.filter((f) => f.table === table && columns.includes(f.column));
  const dropped = new Set(omitted.filter((f) => f.key === undefined).map((f) => f.column));
  const kept = columns.filter((column) => !dropped.has(column));
  const select = kept.map((column) => {
    const keys = omitted
      .filter((f) => f.column === column && f.key !== undefined)
      .map((f) => f.key as string);
    if (keys.length === 0) return quote(column);
    // Only an object has keys to remove; `jsonb - text` would fail on a scalar value.
    const cut = keys.reduce((expression, key) => `${expression} - ${literal(key)}`, quote(column));
    return `case when jsonb_typeof(${quote(column)}) = 'object' then ${cut} else ${quote(column)} end as ${quote(column)}`;
  });
  return { select, columns: kept, omitted };
}
