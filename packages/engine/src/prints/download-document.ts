// A dossier's file, streamed from storage to someone who may have it: the citizen their own
// inputs, and the results once issued to them; staff who may see the dossier any checked file
// of it, each download audited (Law 91/2025/QH15: every view and export of personal data is
// logged). Anything else, including a file not (yet) checked, is "not found".
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
import type { TenantStorage } from '@motcua/storage';
import { and, desc, eq } from 'drizzle-orm';
import type { EngineContext } from '../context.ts';
import { canSee } from '../dossiers/actor.ts';

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

export async function openDossierDocument(
  ctx: EngineContext,
  storage: TenantStorage,
  dossierId: string,
  documentId: string,
): Promise<OpenedDocument> {
  let opened: Readable | undefined;
  try {
    return await withTenant(ctx.database, ctx.slug, async (db) => {
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
      } else {
        await recordAudit(db, {
          actor: ctx.actor,
          action: 'dossier.document_downloaded',
          subject: dossier.id,
          requestId: ctx.requestId ?? null,
          ip: ctx.ip ?? null,
          details: { documentId: document.id, kind: document.kind },
        });
      }
      // Opened inside the unit of work: a file missing from storage leaves no audit row.
      opened = await storage.getStream(document.storageKey);
      if (!opened) throw new NotFoundError('No such document.');
      return {
        fileName: document.fileName,
        contentType: document.contentType,
        sizeBytes: document.sizeBytes,
        body: opened,
      };
    });
  } catch (error) {
    opened?.destroy();
    throw error;
  }
}
