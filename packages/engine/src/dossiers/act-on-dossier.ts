// A step in a dossier's life, by staff or by its citizen: the state machine decides, and the
// new state, the event, the recomputed deadline and the notification to the citizen are written
// in one unit of work, against the revision the caller saw (two officers cannot both act).
import { actorRef } from '@motcua/auth';
import { type TenantDb, withTenant } from '@motcua/db';
import {
  citizens,
  type Dossier,
  dossierEvents,
  dossiers,
  procedureVersions,
  staffUsers,
} from '@motcua/db/tenant';
import { ConflictError, type DossierAction, decide, NotFoundError, ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { type EngineContext, nowOf } from '../context.ts';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { canSee, dossierActor } from './actor.ts';
import { dueDate } from './deadline.ts';
import { assertResultFiles, assertSupplementFiles } from './documents.ts';
import { type DossierView, snapshotOf, toDossierView } from './dossier-view.ts';
import { queueCitizenEmail } from './notifications.ts';
import { mayHandle } from './staff-directory.ts';

export interface ActOnDossierInput {
  dossierId: string;
  action: DossierAction;
  input: unknown;
  /** The revision the actor saw; a newer one means someone else acted first. */
  expectedRevision?: number;
}

const finishing = new Set(['result_issued', 'refused', 'stopped', 'withdrawn']);

export async function actOnDossier(ctx: EngineContext, request: ActOnDossierInput): Promise<DossierView> {
  return withTenant(ctx.database, ctx.slug, (db) => actOnDossierIn(db, ctx, request));
}

/** The same inside a unit of work the caller holds (a payment settled with its dossier step). */
export async function actOnDossierIn(
  db: TenantDb,
  ctx: EngineContext,
  request: ActOnDossierInput,
): Promise<DossierView> {
  const now = nowOf(ctx);
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, request.dossierId)).for('update');
  const system = ctx.asSystem;
  if (!row || !(system || (await canSee(db, ctx.actor, row)))) throw new NotFoundError('No such dossier.');
  if (request.expectedRevision !== undefined && request.expectedRevision !== row.revision) {
    throw new ConflictError(
      'Someone changed this dossier since you opened it. Reload it and try again.',
      undefined,
      'stale_revision',
    );
  }
  const [version] = await db
    .select({ document: procedureVersions.document })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, row.procedureVersionId));
  if (!version) throw new Error('The dossier’s procedure version is missing.');
  const document = parseProcedureVersion(version.document);
  // The fee is the server's, whatever a client sends.
  const input =
    request.action === 'request_payment'
      ? { ...(request.input as object), amount: row.feeTotal }
      : request.input;
  if (request.action === 'assign') await assertAssignable(db, row, input);
  if (request.action === 'supplement') {
    await assertSupplementFiles(db, row.id, (input as { documents?: unknown } | null)?.documents);
  }
  if (request.action === 'issue_result') {
    await assertResultFiles(db, row.id, (input as { resultDocuments?: unknown } | null)?.resultDocuments);
  }
  const decision = decide(
    snapshotOf(row, document.workflow.steps.length),
    request.action,
    system ? { kind: 'system' } : dossierActor(ctx.actor),
    input,
  );
  const next = decision.snapshot;
  const [event] = await db
    .insert(dossierEvents)
    .values({
      dossierId: row.id,
      action: request.action,
      fromState: decision.event.from,
      toState: decision.event.to,
      actor: system ? `system:${system}` : actorRef(ctx.actor),
      data: decision.event.data,
      clock: decision.event.clock ?? null,
      at: now,
    })
    .returning({ id: dossierEvents.id });
  const changes: Partial<Dossier> = {
    state: next.state,
    assigneeId: next.assigneeId,
    stepIndex: next.stepIndex,
    supplementCount: next.supplementCount,
    supplementFrom: next.supplementFrom,
    updatedAt: now,
    revision: row.revision + 1,
  };
  if (decision.event.clock === 'start') changes.receivedAt = now;
  const receivedAt = changes.receivedAt ?? row.receivedAt;
  if (receivedAt && (decision.event.clock === 'start' || decision.event.clock === 'resume')) {
    changes.dueAt = await dueDate(db, { id: row.id, receivedAt }, document, now);
  }
  if (request.action === 'record_payment') changes.paidAt = now;
  if (request.action === 'rate') changes.rating = Number((decision.event.data as { score?: number }).score);
  if (finishing.has(next.state) && !row.finishedAt) changes.finishedAt = now;
  const [updated] = await db.update(dossiers).set(changes).where(eq(dossiers.id, row.id)).returning();
  if (!updated || !event) throw new Error('The dossier update returned no row.');
  const [owner] = await db
    .select({ email: citizens.email })
    .from(citizens)
    .where(eq(citizens.id, row.ownerId));
  await queueCitizenEmail(db, {
    action: request.action,
    eventId: event.id,
    to: owner?.email ?? null,
    dossier: updated,
    procedureName: document.name,
    data: decision.event.data,
    ...(ctx.siteUrl ? { siteUrl: ctx.siteUrl } : {}),
  });
  return toDossierView(updated);
}

/** The assignee must be an active case officer of this agency who can see the dossier. */
async function assertAssignable(db: TenantDb, dossier: { unitId: string | null }, input: unknown) {
  const assigneeId = (input as { assigneeId?: unknown } | null)?.assigneeId;
  if (typeof assigneeId !== 'string') return; // the state machine reports the missing field
  const [person] = await db
    .select({ role: staffUsers.role, status: staffUsers.status, unitId: staffUsers.unitId })
    .from(staffUsers)
    .where(eq(staffUsers.id, assigneeId));
  if (person?.status !== 'active' || person.role !== 'specialist' || !mayHandle(person, dossier)) {
    throw new ValidationError('Choose an active case officer of this agency.', [
      { path: 'assigneeId', message: 'Not an active case officer here.' },
    ]);
  }
}
