// Helpers for this package's tests (not exported): a context on the test database and S3
// server, failure injection, and read-only views of a tenant's schema, roles and objects.
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { type Database, type TenantSlug, tenantNames, withTenant } from '@motcua/db';
import type { TenantKind } from '@motcua/db/platform';
import { testSlug, useTestDatabase } from '@motcua/db/testing';
import type { Storage } from '@motcua/storage';
import { useTestStorage } from '@motcua/storage/testing';
import { sql } from 'drizzle-orm';
import * as tar from 'tar-stream';
import type { ProvisioningContext, ProvisioningHooks } from '../src/context.ts';
import type { StartProvisioningInput } from '../src/input.ts';

export function useProvisioningContext(): ProvisioningContext {
  return { database: useTestDatabase(6), storage: useTestStorage() };
}

export function provisionInput(
  slug: string = testSlug('p'),
  overrides: Partial<StartProvisioningInput> = {},
): StartProvisioningInput {
  const kind: TenantKind = overrides.kind ?? 'province';
  return {
    slug,
    name: kind === 'province' ? 'UBND tỉnh Thử Nghiệm' : 'Bộ Thử Nghiệm',
    kind,
    adminEmail: `Admin.${slug}@Example.gov.vn`,
    actor: 'opr_test',
    ...overrides,
  };
}

export class InjectedFailure extends Error {
  override name = 'InjectedFailure';
}

/** Hooks that throw once, before or after the work of `step`. */
export function failOnce(step: string, when: 'before' | 'after'): ProvisioningHooks {
  let thrown = false;
  const maybeThrow = (current: string) => {
    if (current !== step || thrown) return;
    thrown = true;
    throw new InjectedFailure(`injected failure ${when} ${step}`);
  };
  return when === 'before' ? { beforeStep: maybeThrow } : { afterStep: maybeThrow };
}

export async function schemaCount(database: Database, slug: TenantSlug): Promise<number> {
  const [row] = await database.sql<{ n: number }[]>`
    select count(*)::int as n from pg_namespace where nspname = ${tenantNames(slug).schema}`;
  return row?.n ?? 0;
}

export async function roleNames(database: Database, slug: TenantSlug): Promise<string[]> {
  const { role, ownerRole } = tenantNames(slug);
  const rows = await database.sql<{ rolname: string }[]>`
    select rolname from pg_roles where rolname in (${role}, ${ownerRole}) order by rolname`;
  return rows.map((r) => r.rolname);
}

/** Every row of every table of the tenant's schema as JSON text, read in its scope. */
export async function tenantRows(database: Database, slug: TenantSlug): Promise<Record<string, string[]>> {
  return withTenant(database, slug, async (db) => {
    const tables = await db.execute<{ name: string }>(sql`
      select tablename::text as name from pg_tables where schemaname = current_schema() order by 1`);
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = await db.execute<{ line: string }>(
        sql.raw(`select row_to_json(t)::text as line from "${name}" t order by 1`),
      );
      out[name] = [...rows].map((r) => r.line);
    }
    return out;
  });
}

export async function tenantObjects(storage: Storage, slug: TenantSlug): Promise<Record<string, string>> {
  const tenant = storage.forTenant(slug);
  const out: Record<string, string> = {};
  for await (const { key } of tenant.list()) {
    const body = await tenant.get(key);
    out[key] = createHash('sha256')
      .update(body ?? '')
      .digest('hex');
  }
  return out;
}

/** Platform rows, schemas and roles of the whole cluster: what "nothing written" compares. */
export async function clusterCounts(database: Database) {
  const [row] = await database.sql<Record<string, number>[]>`
    select
      (select count(*)::int from platform.tenants) as tenants,
      (select count(*)::int from platform.provisioning_runs) as runs,
      (select count(*)::int from platform.audit) as audit,
      (select count(*)::int from pg_namespace) as schemas,
      (select count(*)::int from pg_roles) as roles`;
  return row;
}

/** Reads an export archive back from storage: every entry by name. */
export async function readArchive(storage: Storage, key: string): Promise<Map<string, Buffer>> {
  const body = await storage.getExport(key);
  if (!body) throw new Error(`No archive at ${key}`);
  const extract = tar.extract();
  const entries = new Map<string, Buffer>();
  const consumed = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(Buffer.from(chunk as Uint8Array));
      entries.set(entry.header.name, Buffer.concat(chunks));
    }
  })();
  body.pipe(createGunzip()).pipe(extract as unknown as NodeJS.WritableStream);
  await consumed;
  return entries;
}
