// Checking an uploaded file so that it counts. The upload URL stays valid for a while after the
// check, so what is checked is a server-side copy under a key nobody was given a URL for; the
// copy is what the row then points to and what every download is compared with.
//
// Order of work: a short read to check who asks, then storage alone (copy, read the copy), then
// a short write of the outcome. No transaction, and no pooled connection, waits on storage.
import { withTenant } from '@motcua/db';
import { type DossierDocument, dossierDocuments, dossiers } from '@motcua/db/tenant';
import { ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '@motcua/domain';
import type { TenantStorage } from '@motcua/storage';
import { and, eq } from 'drizzle-orm';
import type { EngineContext } from '../context.ts';
import { canSee } from './actor.ts';
import { checkedKeyOf, documentView, mediaTypes, sniffType } from './documents.ts';

async function readDocument(ctx: EngineContext, dossierId: string, documentId: string) {
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [document] = await db
      .select()
      .from(dossierDocuments)
      .where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)));
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!dossier || !(await canSee(db, ctx.actor, dossier))) throw new NotFoundError('No such dossier.');
    if (!document) throw new NotFoundError('No such document.');
    if (ctx.actor.kind === 'citizen' && document.kind !== 'input')
      throw new ForbiddenError('Not your file to check.');
    return document;
  });
}

/** Why the copy is not the file that was declared; empty when it is. */
function problemsOf(
  document: DossierDocument,
  seen: { size: number; tooLarge: boolean; head: Buffer },
): string[] {
  const reasons = [];
  if (seen.tooLarge || seen.size !== document.sizeBytes) reasons.push('size differs from the declared size');
  const sniffed = sniffType(seen.head);
  if (!sniffed || mediaTypes[sniffed] !== document.contentType)
    reasons.push('content is not the declared type');
  return reasons;
}

/** Records the outcome if the file is still waiting for it; the row as it stands, or undefined when gone. */
async function recordOutcome(
  ctx: EngineContext,
  documentId: string,
  outcome: { status: 'verified' | 'rejected'; sha256: string | null; storageKey: string | null },
) {
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [current] = await db
      .select()
      .from(dossierDocuments)
      .where(eq(dossierDocuments.id, documentId))
      .for('update');
    if (current?.status !== 'pending') return current;
    const [updated] = await db
      .update(dossierDocuments)
      .set({
        status: outcome.status,
        sha256: outcome.sha256,
        ...(outcome.storageKey ? { storageKey: outcome.storageKey } : {}),
        verifiedAt: new Date(),
      })
      .where(eq(dossierDocuments.id, documentId))
      .returning();
    return updated;
  });
}

/** Reads the uploaded object back: a file that is not what was declared is rejected and removed. */
export async function verifyUpload(
  ctx: EngineContext,
  storage: TenantStorage,
  dossierId: string,
  documentId: string,
) {
  const document = await readDocument(ctx, dossierId, documentId);
  if (document.status !== 'pending') return documentView(document);

  const uploadKey = document.storageKey;
  const checkedKey = checkedKeyOf(dossierId, documentId);
  if (!(await storage.copy(uploadKey, checkedKey))) {
    throw new PreconditionFailedError('The file has not been uploaded yet.', undefined, 'not_uploaded');
  }
  let recorded: DossierDocument | undefined;
  let reasons: string[];
  try {
    const seen = await storage.inspect(checkedKey, { maxBytes: document.sizeBytes });
    if (!seen) throw new Error('The checked copy vanished right after it was made.');
    reasons = problemsOf(document, seen);
    recorded = await recordOutcome(
      ctx,
      documentId,
      reasons.length > 0
        ? { status: 'rejected', sha256: null, storageKey: null }
        : { status: 'verified', sha256: seen.sha256, storageKey: checkedKey },
    );
  } finally {
    // The copy stays only if the row now points to it (not refused, not decided by another check).
    if (recorded?.storageKey !== checkedKey) await storage.delete(checkedKey).catch(() => undefined);
  }
  // The uploaded object has served its purpose; one left behind (storage away just now, or
  // written again through the URL later) is removed by the expiry sweep of `uploads/`.
  await storage.delete(uploadKey).catch(() => undefined);
  if (!recorded) throw new NotFoundError('No such document.');
  if (recorded.status === 'rejected' && reasons.length > 0) {
    throw new ValidationError(
      'The file was refused and removed.',
      reasons.map((message) => ({ path: 'file', message })),
    );
  }
  return documentView(recorded);
}
