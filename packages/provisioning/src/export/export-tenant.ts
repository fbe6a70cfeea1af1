// The offboarding export: one `.tar.gz` with `manifest.json`, `tables/<table>.jsonl` for
// every table of the tenant's schema (credentials left out and listed in the manifest) and
// `objects/<key>` for every stored object, built in a temporary directory (sizes must be
// known before a tar entry is written) and uploaded to `exports/<slug>/<runId>.tar.gz`.
// Nothing is held in memory whole, so large tenants export in bounded memory. Rows are read
// while the tenant is `offboarding`, when no request of the agency writes anymore.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSlug, type TenantSlug } from '@motcua/db';
import type { Tenant, TenantKind } from '@motcua/db/platform';
import type { StoredObject } from '@motcua/storage';
import type { ProvisioningContext } from '../context.ts';
import { dumpTenantTables } from './dump-tables.ts';
import { writeArchive } from './write-archive.ts';

export interface ExportManifest {
  format: 'motcua-tenant-export';
  /** 2: credentials are left out (see `omitted`). */
  formatVersion: 2;
  createdAt: string;
  runId: string;
  tenant: { id: string; slug: string; name: string; kind: TenantKind; adminEmail: string; createdAt: string };
  schemaVersion: number;
  tables: { name: string; path: string; columns: string[]; rows: number }[];
  rowCounts: Record<string, number>;
  objectCount: number;
  objectBytes: number;
  /** Credentials left out of the tables, each with why (see credentials.ts). */
  omitted: { table: string; column: string; key?: string; reason: string }[];
  omittedNote: string;
}

export function exportKeyFor(slug: TenantSlug, runId: string): string {
  return `exports/${slug}/${runId}.tar.gz`;
}

export async function exportTenant(
  ctx: ProvisioningContext,
  tenant: Tenant,
  runId: string,
): Promise<{ key: string; manifest: ExportManifest; bytes: number }> {
  const slug = parseSlug(tenant.slug);
  const directory = await mkdtemp(join(tmpdir(), 'motcua-export-'));
  try {
    const tables = await dumpTenantTables(ctx, slug, directory);
    const tenantStorage = ctx.storage.forTenant(slug);
    const objects: StoredObject[] = [];
    for await (const object of tenantStorage.list()) objects.push(object);

    const manifest: ExportManifest = {
      format: 'motcua-tenant-export',
      formatVersion: 2,
      createdAt: new Date().toISOString(),
      runId,
      tenant: {
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        kind: tenant.kind,
        adminEmail: tenant.adminEmail,
        createdAt: tenant.createdAt.toISOString(),
      },
      schemaVersion: tenant.schemaVersion,
      tables: tables.map((t) => ({
        name: t.name,
        path: `tables/${t.name}.jsonl`,
        columns: t.columns,
        rows: t.rows,
      })),
      rowCounts: Object.fromEntries(tables.map((t) => [t.name, t.rows])),
      objectCount: objects.length,
      objectBytes: objects.reduce((sum, o) => sum + o.size, 0),
      omitted: tables.flatMap((t) => t.omitted),
      omittedNote:
        'Credentials for this platform are not exported: password hashes, TOTP secrets, session, link and API key secret hashes, and the identity provider client secret. People set new passwords and enrol new authenticators on the next system; integrations get new keys.',
    };

    const archive = join(directory, 'export.tar.gz');
    await writeArchive(archive, {
      manifest: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      tables: tables.map((t) => ({ name: `tables/${t.name}.jsonl`, file: t.file })),
      objects: objects.map((o) => ({
        name: `objects/${o.key}`,
        size: o.size,
        open: async () => {
          const body = await tenantStorage.getStream(o.key);
          if (!body) throw new Error(`Object ${o.key} disappeared during the export.`);
          return body;
        },
      })),
    });
    const { size } = await stat(archive);
    const key = exportKeyFor(slug, runId);
    await ctx.storage.putExport(key, createReadStream(archive), size);
    return { key, manifest, bytes: size };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
