// Declared files that were never checked are removed, row and object, once they are older than
// the agency's expiry time (UPLOAD_EXPIRY_MINUTES, at least 20: the upload URL, valid for 15
// minutes, has expired by then, so nothing can be written for them any more). Then whatever is
// left under `uploads/` from before that time goes too: bytes written again through a URL after
// their file was checked, and objects whose removal failed earlier.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { dossierDocuments } from '@motcua/db/tenant';
import type { TenantStorage } from '@motcua/storage';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';

export interface ExpireUploadsOptions {
  now: Date;
  olderThanMinutes: number;
  /** Rows handled per round (tests lower it to exercise the rounds). */
  batch?: number;
}

export interface ExpiredUploads {
  /** Declared files removed. */
  rows: number;
  /** Objects left under `uploads/` removed. */
  leftovers: number;
}

export async function expireUploads(
  scope: { database: Database; slug: TenantSlug },
  storage: TenantStorage,
  { now, olderThanMinutes, batch = 200 }: ExpireUploadsOptions,
): Promise<ExpiredUploads> {
  if (storage.slug !== scope.slug) throw new Error('The storage handle belongs to another agency.');
  const cutoff = new Date(now.getTime() - olderThanMinutes * 60_000);
  let rows = 0;
  for (;;) {
    const due = await withTenant(scope.database, scope.slug, (db) =>
      db
        .select({ id: dossierDocuments.id, storageKey: dossierDocuments.storageKey })
        .from(dossierDocuments)
        .where(and(eq(dossierDocuments.status, 'pending'), lt(dossierDocuments.createdAt, cutoff)))
        .orderBy(asc(dossierDocuments.createdAt))
        .limit(batch),
    );
    if (due.length === 0) break;
    // Objects first, outside any transaction: if storage is away, nothing is removed and the
    // rows wait for the next sweep instead of leaving objects no row points to.
    for (const { storageKey } of due) await storage.delete(storageKey);
    const removed = await withTenant(scope.database, scope.slug, (db) =>
      db
        .delete(dossierDocuments)
        .where(
          and(
            inArray(
              dossierDocuments.id,
              due.map((d) => d.id),
            ),
            // A check that finished meanwhile keeps its row (and its own copy of the file).
            eq(dossierDocuments.status, 'pending'),
          ),
        )
        .returning({ id: dossierDocuments.id }),
    );
    rows += removed.length;
    if (due.length < batch || removed.length === 0) break;
  }
  let leftovers = 0;
  for await (const object of storage.list({ under: 'uploads/' })) {
    if (object.lastModified && object.lastModified < cutoff) {
      await storage.delete(object.key);
      leftovers += 1;
    }
  }
  return { rows, leftovers };
}
