// Phản ánh, kiến nghị: a citizen's feedback on a dossier or the service, and the agency's answer.
// docs/domain.md: refuse within 2 working days, handle within 15; the list shows both dates.
import { assertCan, recordAudit } from '@motcua/auth';
import { newId, withTenant } from '@motcua/db';
import { dossiers, feedback } from '@motcua/db/tenant';
import {
  addWorkingMinutes,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '@motcua/domain';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type EngineContext, nowOf } from '../context.ts';
import { tenantCalendar } from '../dossiers/deadline.ts';

export const fileFeedbackInput = z.object({
  dossierId: z.string().max(40).optional(),
  subject: z.string().trim().min(3).max(200),
  body: z.string().trim().min(10).max(5000),
});
export const answerFeedbackInput = z.object({
  outcome: z.enum(['answered', 'refused']),
  answer: z.string().trim().min(10).max(5000),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    'Some details need correcting.',
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

export async function fileFeedback(ctx: EngineContext, input: unknown) {
  if (ctx.actor.kind !== 'citizen') throw new ForbiddenError('Feedback is filed by a citizen.');
  const citizenId = ctx.actor.id;
  const data = parse(fileFeedbackInput, input);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    if (data.dossierId) {
      const [own] = await db
        .select({ ownerId: dossiers.ownerId })
        .from(dossiers)
        .where(eq(dossiers.id, data.dossierId));
      if (own?.ownerId !== citizenId) throw new NotFoundError('No such dossier.');
    }
    const [row] = await db
      .insert(feedback)
      .values({
        id: newId('fbk'),
        citizenId,
        dossierId: data.dossierId ?? null,
        subject: data.subject,
        body: data.body,
        createdAt: nowOf(ctx),
      })
      .returning();
    return row;
  });
}

const day = 8 * 60;

/** A citizen's own feedback, or (staff who read dossiers) the agency's, newest first, with its answer dates. */
export async function listFeedback(ctx: EngineContext) {
  if (ctx.actor.kind !== 'citizen') assertCan(ctx.actor, 'dossiers.read');
  const actor = ctx.actor;
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const rows = await db
      .select()
      .from(feedback)
      .where(actor.kind === 'citizen' ? eq(feedback.citizenId, actor.id) : undefined)
      .orderBy(desc(feedback.createdAt))
      .limit(200);
    const calendar = await tenantCalendar(db);
    return rows.map((row) => ({
      ...row,
      refuseBy: addWorkingMinutes(calendar, row.createdAt, 2 * day),
      answerBy: addWorkingMinutes(calendar, row.createdAt, 15 * day),
    }));
  });
}

export async function answerFeedback(ctx: EngineContext, id: string, input: unknown) {
  assertCan(ctx.actor, 'dossiers.receive');
  const data = parse(answerFeedbackInput, input);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db.select().from(feedback).where(eq(feedback.id, id)).for('update');
    if (!row) throw new NotFoundError('No such feedback.');
    if (row.status !== 'open')
      throw new PreconditionFailedError('This feedback was already answered.', undefined, 'already_answered');
    const [updated] = await db
      .update(feedback)
      .set({
        status: data.outcome,
        answer: data.answer,
        answeredBy: `${ctx.actor.kind}:${ctx.actor.id}`,
        answeredAt: nowOf(ctx),
      })
      .where(eq(feedback.id, id))
      .returning();
    await recordAudit(db, {
      actor: ctx.actor,
      action: `feedback.${data.outcome}`,
      subject: id,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return updated;
  });
}
