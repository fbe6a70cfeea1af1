// A dossier's file, streamed from storage to someone who may have it: the citizen their own
// inputs, and the results once issued to them; staff who may see the dossier any checked file
// of it, each download audited (Law 91/2025/QH15: every view and export of personal data is
// logged). Anything else, including a file not (yet) checked, is "not found". The stored object
// is served only while it is the one checked (size, SHA-256, and the type sniffed from it);
// otherwise the download is refused (altered-file.ts).
import type { Readable } from 'node:stream';
import { recordAudit } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import {
  type Dossier,
  type DossierDocument,
  dossierDocuments,
  dossierEvents,
  dossiers,
} from '@motcua/db/tenant';
import { NotFoundError } from '@motcua/domain';
import { ObjectIntegrityError, type TenantStorage } from '@motcua/storage';
import { and, desc, eq } from 'drizzle-orm';
import { refuseAlteredFile } from '../altered-file.ts';
import type { EngineContext } from '../context.ts';
import { canSee } from '../dossiers/actor.ts';
import { mediaTypes, sniffType } from '../dossiers/documents.ts';

export interface OpenedDocument {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  body: Readable;
}

const issuedStates: ReadonlySet<string> = new Set(['result_issued', 'result_returned']);

/**
 * Whether the dossier's citizen may have this file: their own inputs; a result once the dossier's
 * result is issued, and only a file the issue named (a result uploaded but not issued, say a
 * draft the clerk replaced, stays with the agency).
 */
export function isCitizenDownload(
  dossier: Pick<Dossier, 'state'>,
  document: Pick<DossierDocument, 'id' | 'kind'>,
  issuedIds: readonly string[],
): boolean {
  if (document.kind === 'input') return true;
  return issuedStates.has(dossier.state) && issuedIds.includes(document.id);
}

/** The checked file the actor may have, read in one short unit of work (nothing written). */
async function findDownloadable(ctx: EngineContext, dossierId: string, documentId: string) {
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!dossier || !(await canSee(db, ctx.actor, dossier))) throw new NotFoundError('No such dossier.');
    const [document] = await db
      .select()
      .from(dossierDocuments)
      .where(
        and(
          eq(dossierDocuments.id, documentId),
          eq(dossierDocuments.dossierId, dossier.id),
          eq(dossierDocuments.status, 'verified'),
        ),
      );
    if (!document) throw new NotFoundError('No such document.');
    if (ctx.actor.kind === 'citizen') {
      const [issued] = await db
        .select({ data: dossierEvents.data })
        .from(dossierEvents)
        .where(and(eq(dossierEvents.dossierId, dossier.id), eq(dossierEvents.action, 'issue_result')))
        .orderBy(desc(dossierEvents.id))
        .limit(1);
      const ids = issued?.data.resultDocuments;
      const issuedIds = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
      if (!isCitizenDownload(dossier, document, issuedIds)) throw new NotFoundError('No such document.');
    }
    return document;
  });
}

/** The stored object, only while it is the one that was checked. */
async function openVerified(
  storage: TenantStorage,
  document: DossierDocument,
): Promise<Readable | undefined> {
  // Every checked file has its SHA-256; a row without one cannot be vouched for.
  if (!document.sha256) throw new ObjectIntegrityError('sha256');
  const opened = await storage.openChecked(document.storageKey, {
    sha256: document.sha256,
    sizeBytes: document.sizeBytes,
  });
  if (!opened) return undefined;
  const sniffed = sniffType(opened.head);
  if (!sniffed || mediaTypes[sniffed] !== document.contentType) {
    opened.body.destroy();
    throw new ObjectIntegrityError('type');
  }
  return opened.body;
}

export async function openDossierDocument(
  ctx: EngineContext,
  storage: TenantStorage,
  dossierId: string,
  documentId: string,
): Promise<OpenedDocument> {
  const document = await findDownloadable(ctx, dossierId, documentId);
  const body = await refuseAlteredFile(
    ctx,
    { subject: dossierId, details: { documentId: document.id, kind: document.kind } },
    () => openVerified(storage, document),
  );
  if (!body) throw new NotFoundError('No such document.');
  try {
    // Staff downloads are audited once the file is known to be there and intact.
    if (ctx.actor.kind !== 'citizen') {
      await withTenant(ctx.database, ctx.slug, (db) =>
        recordAudit(db, {
          actor: ctx.actor,
          action: 'dossier.document_downloaded',
          subject: dossierId,
          requestId: ctx.requestId ?? null,
          ip: ctx.ip ?? null,
          details: { documentId: document.id, kind: document.kind },
        }),
      );
    }
  } catch (error) {
    body.destroy();
    throw error;
  }
  return {
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    body,
  };
}
