// Writes every table of a tenant's schema to one JSON-lines file each, reading through the
// tenant scope: the tables are whatever the catalog lists in the tenant's schema (the
// migration journal included), so a table added by a later migration is exported too.
// Credentials are left out (credentials.ts).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { type TenantSlug, tenantNames, withTenant } from '@motcua/db';
import { sql } from 'drizzle-orm';
import type { ProvisioningContext } from '../context.ts';
import { exportedColumns, type OmittedField } from './credentials.ts';

export interface DumpedTable {
  name: string;
  /** The columns exported: every column but the credentials (see credentials.ts). */
  columns: string[];
  omitted: OmittedField[];
  rows: number;
  /** Path of the JSON-lines file inside the working directory. */
  file: string;
}

const fetchSize = 1000;

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function dumpTenantTables(
  ctx: ProvisioningContext,
  slug: TenantSlug,
  directory: string,
): Promise<DumpedTable[]> {
  const { schema } = tenantNames(slug);
  return withTenant(ctx.database, slug, async (db) => {
    // Partitions are read through their parent; listing both would export rows twice.
    const tables = await db.execute<{ name: string; columns: string[] }>(sql`
      select c.relname::text as name, array_agg(a.attname::text order by a.attnum) as columns
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      group by c.relname
      order by c.relname`);
    const dumped: DumpedTable[] = [];
    for (const [index, table] of [...tables].entries()) {
      const file = join(directory, `table-${index}.jsonl`);
      // Columns listed explicitly (docs/design.md: `select *` and cached plans); PostgreSQL
      // renders each row as JSON, so bigints, dates and jsonb keep their exact text.
      const { select, columns, omitted } = exportedColumns(table.name, table.columns);
      const source = `${quoteIdentifier(schema)}.${quoteIdentifier(table.name)}`;
      await db.execute(
        sql.raw(
          `declare motcua_export no scroll cursor for
             select row_to_json(r)::text as line from (select ${select.join(', ')} from ${source}) r`,
        ),
      );
      const rows = await writeLines(file, async () => {
        const batch = await db.execute<{ line: string }>(
          sql.raw(`fetch forward ${fetchSize} from motcua_export`),
        );
        return [...batch].map((row) => row.line);
      });
      await db.execute(sql.raw('close motcua_export'));
      dumped.push({ name: table.name, columns, omitted, rows, file });
    }
    return dumped;
  });
}

/** Writes batches from `next` until it returns an empty one; returns the number of lines. */
async function writeLines(file: string, next: () => Promise<string[]>): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  try {
    for (let batch = await next(); batch.length > 0; batch = await next()) {
      count += batch.length;
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await finished(out);
  }
  return count;
}
