import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { NotFoundError } from '@motcua/domain';
import type { ProvisioningContext } from './context.ts';
import { parseSlugArgument } from './input.ts';
import { requireTenant, tenantRuns } from './records.ts';

export interface TenantExport {
  key: string;
  /** A download name: `<slug>-<runId>.tar.gz`. */
  fileName: string;
  /** Size in bytes, when storage reports it. */
  length: number | undefined;
  body: ReadableStream<Uint8Array>;
}

/** Opens the tenant's latest export archive for download; NotFoundError when there is none. */
export async function openTenantExport(ctx: ProvisioningContext, slug: string): Promise<TenantExport> {
  const tenant = await requireTenant(ctx.database.platform, parseSlugArgument(slug));
  const runs = await tenantRuns(ctx.database.platform, tenant.id);
  const run = runs.find((r) => r.exportKey !== null);
  const key = run?.exportKey;
  const head = key ? await ctx.storage.headExport(key) : undefined;
  const stream = key && head ? await ctx.storage.getExport(key) : undefined;
  if (!run || !key || !stream) throw new NotFoundError(`Tenant "${tenant.slug}" has no export archive.`);
  return {
    key,
    fileName: `${tenant.slug}-${run.id}.tar.gz`,
    length: head?.size,
    body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
  };
}
