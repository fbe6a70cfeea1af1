// How much storage a citizen's files take at one agency, and the cap on it. Checked files and
// declared ones not yet checked both count (a declaration reserves its space until it expires);
// refused files were removed and the agency's results are its own, so neither counts.
import type { TenantDb } from '@motcua/db';
import { citizens, dossierDocuments, dossiers } from '@motcua/db/tenant';
import { ConflictError } from '@motcua/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';

export interface UploadLimits {
  /** What one citizen's files may take at one agency, in bytes (CITIZEN_STORAGE_QUOTA_MB). */
  citizenQuotaBytes: number;
}

/** Bytes of the citizen's own files in this agency, checked or declared. */
export async function citizenStorageUsed(db: TenantDb, citizenId: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<string>`coalesce(sum(${dossierDocuments.sizeBytes}), 0)` })
    .from(dossierDocuments)
    .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
    .where(
      and(
        eq(dossiers.ownerId, citizenId),
        eq(dossierDocuments.kind, 'input'),
        inArray(dossierDocuments.status, ['pending', 'verified']),
      ),
    );
  return Number(row?.used ?? 0);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * Refuses a declaration that would take the citizen past the quota. The citizen's row is locked
 * until the transaction ends, so that declarations made at once are counted one after another.
 */
export async function assertWithinQuota(
  db: TenantDb,
  citizenId: string,
  addBytes: number,
  quotaBytes: number,
): Promise<void> {
  await db.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, citizenId)).for('update');
  const used = await citizenStorageUsed(db, citizenId);
  if (used + addBytes <= quotaBytes) return;
  throw new ConflictError(
    `Your files at this agency may take at most ${mib(quotaBytes)} together (the storage quota per citizen); ` +
      `${mib(used)} are in use and this file needs ${mib(addBytes)}.`,
    { quotaBytes, usedBytes: used, requestedBytes: addBytes },
    'storage_quota_exceeded',
  );
}
