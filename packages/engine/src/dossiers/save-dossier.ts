// A citizen starts, edits and submits a dossier: one verb, one unit of work. A draft is saved as
// typed (resumable from any device); submitting validates the answers against the procedure
// version the dossier keeps, computes the fee on the server, takes the day's next code, and
// writes the dossier, its event and the idempotent answer together.
import { randomInt } from 'node:crypto';
import { newId, type TenantDb, withTenant } from '@motcua/db';
import { type Dossier, dossierEvents, dossiers, procedures, procedureVersions } from '@motcua/db/tenant';
import {
  computeFees,
  decide,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  type ProcedureVersion,
  ValidationError,
  validateAnswers,
} from '@motcua/domain';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type EngineContext, nowOf } from '../context.ts';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { checkDossierFiles } from './documents.ts';
import { agencyIdentifierFrom, nextDossierCode, vietnamDate } from './dossier-code.ts';
import { type DossierView, snapshotOf, toDossierView } from './dossier-view.ts';
import { claimIdempotencyKey, idempotencyClaim, storeIdempotentAnswer } from './idempotency.ts';

export const saveDossierInput = z.object({
  procedureCode: z.string().trim().min(1).max(80),
  /** Continue this draft instead of starting one. */
  dossierId: z.string().max(40).optional(),
  answers: z.record(z.string().max(80), z.unknown()).default({}),
  submit: z.boolean().default(false),
});

export interface SavedDossier {
  dossier: DossierView;
  /** Printed on the receipt: public tracking needs it with the code. Present once submitted. */
  trackingKey: string | null;
}

const trackingAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newTrackingKey = () => Array.from({ length: 8 }, () => trackingAlphabet[randomInt(32)]).join('');

function parse(input: unknown) {
  const parsed = saveDossierInput.safeParse(input);
  if (parsed.success) {
    if (JSON.stringify(parsed.data.answers).length > 200_000) {
      throw new ValidationError('The answers are too long.', [{ path: 'answers', message: 'Too long.' }]);
    }
    return parsed.data;
  }
  throw new ValidationError(
    'Some details need correcting.',
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** The columns of a dossier that has just been started, before submission fills them in. */
const blankDraft = {
  code: null,
  channel: 'online',
  state: 'draft',
  answers: {},
  unitId: null,
  assigneeId: null,
  stepIndex: null,
  supplementCount: 0,
  supplementFrom: null,
  feeTotal: 0,
  paidAt: null,
  trackingKey: null,
  submittedAt: null,
  receivedAt: null,
  dueAt: null,
  pausedAt: null,
  finishedAt: null,
  rating: null,
  revision: 0,
  updatedAt: new Date(0),
} as const satisfies Partial<Dossier>;

/**
 * The answers as the form evaluator cleaned them, or every problem at once: the form's field by
 * field, then the files (each file answer a checked file of this dossier; each required
 * document present). Files are only looked up when the procedure has any.
 */
async function checkedAnswers(
  db: TenantDb,
  dossierId: string | undefined,
  document: ProcedureVersion,
  answers: Record<string, unknown>,
  now: Date,
): Promise<Record<string, unknown>> {
  const checked = validateAnswers(document, answers, { today: vietnamDate(now) });
  const problems: { path: string; message: string; code?: string; messageVi?: string }[] = checked.ok
    ? []
    : checked.errors.map((e) => ({
        path: `answers.${e.field}`,
        code: e.code,
        message: e.message.en,
        messageVi: e.message.vi,
      }));
  const values = checked.ok ? checked.values : answers;
  const hasFiles = document.documents.length > 0 || document.form.fields.some((f) => f.type === 'file');
  if (hasFiles) {
    const files = await checkDossierFiles(db, dossierId ?? '', document, values);
    problems.push(...files.filter((f) => !problems.some((p) => p.path === f.path)));
  }
  if (!checked.ok || problems.length > 0) {
    throw new ValidationError('Some answers need correcting.', problems);
  }
  return checked.values;
}

export async function saveDossier(
  ctx: EngineContext,
  input: unknown,
  options: { idempotencyKey?: string } = {},
): Promise<SavedDossier> {
  if (ctx.actor.kind !== 'citizen')
    throw new ForbiddenError('Only a signed-in citizen files a dossier here.');
  const owner = ctx.actor.id;
  const data = parse(input);
  const claim = idempotencyClaim(`citizen:${owner}`, options.idempotencyKey, data);
  const now = nowOf(ctx);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    if (claim) {
      const earlier = await claimIdempotencyKey<SavedDossier>(db, claim);
      if (earlier) return earlier;
    }
    let existing: Dossier | undefined;
    if (data.dossierId) {
      [existing] = await db.select().from(dossiers).where(eq(dossiers.id, data.dossierId)).for('update');
      // Another citizen's dossier is "not found", never "not yours".
      if (!existing || existing.ownerId !== owner) throw new NotFoundError('No such dossier.');
      if (existing.state !== 'draft') {
        throw new PreconditionFailedError('This dossier was already submitted.', undefined, 'not_a_draft');
      }
    }
    // One round trip for what a submission reads: the version, the agency's identifier and the
    // competent unit (a submission is the hot path; every round trip counts).
    const [version] = await db
      .select({
        id: procedureVersions.id,
        document: procedureVersions.document,
        agencyCode: sql<unknown>`(select s.value from settings s where s.key = 'agency_code')`,
        unitId: sql<string | null>`(select u.id from units u
          where u.code = procedure_versions.document->>'competentUnitCode'
            and (u.valid_to is null or u.valid_to > current_date)
          order by u.valid_from desc limit 1)`,
      })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .where(
        existing
          ? eq(procedureVersions.id, existing.procedureVersionId)
          : and(
              eq(procedures.code, data.procedureCode),
              eq(procedures.status, 'published'),
              eq(procedureVersions.id, procedures.currentVersionId),
            ),
      );
    if (!version) throw new NotFoundError('No published procedure has this code.');
    const document = parseProcedureVersion(version.document);

    if (!data.submit) {
      const [row] = existing
        ? await db
            .update(dossiers)
            .set({ answers: data.answers, updatedAt: now, revision: existing.revision + 1 })
            .where(eq(dossiers.id, existing.id))
            .returning()
        : await db
            .insert(dossiers)
            .values({
              id: newId('dos'),
              procedureVersionId: version.id,
              procedureCode: document.code,
              ownerId: owner,
              state: 'draft',
              answers: data.answers,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
      return finish(row, null, 200);
    }

    const answers = await checkedAnswers(db, existing?.id, document, data.answers, now);
    const feeTotal = computeFees(document, answers).total;
    const draft: Dossier = existing ?? {
      ...blankDraft,
      id: newId('dos'),
      procedureVersionId: version.id,
      procedureCode: document.code,
      ownerId: owner,
      createdAt: now,
    };
    const decision = decide(
      snapshotOf(draft, document.workflow.steps.length),
      'submit',
      { kind: 'citizen', id: owner },
      {},
    );
    const code = await nextDossierCode(db, agencyIdentifierFrom(version.agencyCode, ctx.slug), now);
    const trackingKey = newTrackingKey();
    const submitted = {
      state: decision.snapshot.state,
      answers,
      feeTotal,
      code,
      trackingKey,
      // The competent unit's officers see it; staff limited to other units do not.
      unitId: version.unitId,
      submittedAt: now,
      updatedAt: now,
      revision: draft.revision + 1,
    };
    const [row] = existing
      ? await db.update(dossiers).set(submitted).where(eq(dossiers.id, existing.id)).returning()
      : await db
          .insert(dossiers)
          .values({ ...draft, ...submitted })
          .returning();
    await db.insert(dossierEvents).values({
      dossierId: draft.id,
      action: 'submit',
      fromState: decision.event.from,
      toState: decision.event.to,
      actor: `citizen:${owner}`,
      data: { ...decision.event.data, code },
      clock: decision.event.clock ?? null,
      at: now,
    });
    return finish(row, trackingKey, 201);

    async function finish(row: Dossier | undefined, trackingKey: string | null, status: 200 | 201) {
      if (!row) throw new Error('The dossier write returned no row.');
      const saved: SavedDossier = { dossier: toDossierView(row), trackingKey };
      if (claim) await storeIdempotentAnswer(db, claim, status, saved);
      return saved;
    }
  });
}
