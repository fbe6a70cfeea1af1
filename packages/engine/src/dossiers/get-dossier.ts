// One dossier with its timeline, for its citizen or for staff who may see it. A staff or
// integration view of a citizen's dossier is written to the audit log in the same unit of work
// (Law 91/2025: every view and export of personal data is logged).
import { recordAudit } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { dossierEvents, dossiers, procedureVersions } from '@motcua/db/tenant';
import { NotFoundError, type ProcedureVersion } from '@motcua/domain';
import { asc, eq } from 'drizzle-orm';
import type { EngineContext } from '../context.ts';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { canSee } from './actor.ts';
import { type DossierView, toDossierView } from './dossier-view.ts';

export interface TimelineEntry {
  action: string;
  from: string;
  to: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

export async function getDossier(
  ctx: EngineContext,
  dossierId: string,
): Promise<{ dossier: DossierView; timeline: TimelineEntry[]; trackingKey: string | null }> {
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!row || !(await canSee(db, ctx.actor, row))) throw new NotFoundError('No such dossier.');
    const events = await db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, row.id))
      .orderBy(asc(dossierEvents.id));
    if (ctx.actor.kind !== 'citizen') {
      await recordAudit(db, {
        actor: ctx.actor,
        action: 'dossier.viewed',
        subject: row.id,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      });
    }
    return {
      dossier: toDossierView(row),
      // Printed on the receipt; its owner and the agency's staff may print the receipt again.
      trackingKey: row.trackingKey,
      timeline: events.map((e) => ({
        action: e.action,
        from: e.fromState,
        to: e.toState,
        actor: e.actor,
        at: e.at.toISOString(),
        data: e.data,
      })),
    };
  });
}

/**
 * The procedure version a dossier was filed under (it keeps it after newer ones are published),
 * for whoever may see the dossier: the papers a supplement may attach are that version's.
 */
export async function getDossierVersion(ctx: EngineContext, dossierId: string): Promise<ProcedureVersion> {
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!row || !(await canSee(db, ctx.actor, row))) throw new NotFoundError('No such dossier.');
    const [version] = await db
      .select({ document: procedureVersions.document })
      .from(procedureVersions)
      .where(eq(procedureVersions.id, row.procedureVersionId));
    if (!version) throw new Error('The dossier’s procedure version is missing.');
    return parseProcedureVersion(version.document);
  });
}
