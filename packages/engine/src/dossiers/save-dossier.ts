// A citizen starts, edits and submits a dossier: one verb, one unit of work. A draft is saved as
// typed (resumable from any device); submitting validates the answers against the procedure
// version the dossier keeps, computes the fee on the server, takes the day's next code, and
// writes the dossier, its event and the idempotent answer together.
import { randomInt } from 'node:crypto';
import { newId, withTenant } from '@motcua/db';
import {
  type Dossier,
  dossierEvents,
  dossiers,
  procedures,
  procedureVersions,
  units,
} from '@motcua/db/tenant';
import {
  computeFees,
  decide,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  validateAnswers,
} from '@motcua/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type EngineContext, nowOf } from '../context.ts';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { checkDossierFiles } from './documents.ts';
import { agencyIdentifier, nextDossierCode, vietnamDate } from './dossier-code.ts';
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
    const [version] = await db
      .select({ id: procedureVersions.id, document: procedureVersions.document })
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

    let answers = data.answers;
    let feeTotal = 0;
    if (data.submit) {
      const checked = validateAnswers(document, data.answers, { today: vietnamDate(now) });
      const problems: { path: string; message: string; code?: string; messageVi?: string }[] = checked.ok
        ? []
        : checked.errors.map((e) => ({
            path: `answers.${e.field}`,
            code: e.code,
            message: e.message.en,
            messageVi: e.message.vi,
          }));
      const values = checked.ok ? checked.values : data.answers;
      const files = await checkDossierFiles(db, existing?.id ?? '', document, values);
      problems.push(...files.filter((f) => !problems.some((p) => p.path === f.path)));
      if (!checked.ok || problems.length > 0) {
        throw new ValidationError('Some answers need correcting.', problems);
      }
      answers = checked.values;
      feeTotal = computeFees(document, answers).total;
    }
    const id = existing?.id ?? newId('dos');
    if (!existing) {
      [existing] = await db
        .insert(dossiers)
        .values({
          id,
          procedureVersionId: version.id,
          procedureCode: document.code,
          ownerId: owner,
          state: 'draft',
          answers,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
    }
    if (!existing) throw new Error('The dossier insert returned no row.');

    let trackingKey: string | null = null;
    let row: Dossier | undefined;
    if (data.submit) {
      const stepCount = document.workflow.steps.length;
      const decision = decide(snapshotOf(existing, stepCount), 'submit', { kind: 'citizen', id: owner }, {});
      const code = await nextDossierCode(db, await agencyIdentifier(db, ctx.slug), now);
      // The competent unit's officers see it; staff limited to other units do not.
      const [unit] = await db
        .select({ id: units.id })
        .from(units)
        .where(eq(units.code, document.competentUnitCode));
      trackingKey = newTrackingKey();
      [row] = await db
        .update(dossiers)
        .set({
          state: decision.snapshot.state,
          answers,
          feeTotal,
          code,
          trackingKey,
          unitId: unit?.id ?? null,
          submittedAt: now,
          updatedAt: now,
          revision: existing.revision + 1,
        })
        .where(eq(dossiers.id, id))
        .returning();
      await db.insert(dossierEvents).values({
        dossierId: id,
        action: 'submit',
        fromState: decision.event.from,
        toState: decision.event.to,
        actor: `citizen:${owner}`,
        data: { ...decision.event.data, code },
        clock: decision.event.clock ?? null,
        at: now,
      });
    } else {
      [row] = await db
        .update(dossiers)
        .set({ answers, updatedAt: now, revision: existing.revision + 1 })
        .where(eq(dossiers.id, id))
        .returning();
    }
    if (!row) throw new Error('The dossier update returned no row.');
    const saved: SavedDossier = { dossier: toDossierView(row), trackingKey };
    if (claim) await storeIdempotentAnswer(db, claim, data.submit ? 201 : 200, saved);
    return saved;
  });
}
