// Lists: a citizen's own dossiers, and the staff queue (filtered by state, procedure, due soon
// or late, sorted by deadline), limited to the officer's unit when they have one. The queue
// carries what it shows and no answers: those stay behind getDossier, which audits staff views.
import { assertCan } from '@motcua/auth';
import { type TenantDb, withTenant } from '@motcua/db';
import { dossiers, staffUsers } from '@motcua/db/tenant';
import {
  addWorkingMinutes,
  type DossierState,
  deadlineStatus,
  dossierStates,
  ForbiddenError,
  nationalStatus,
  ValidationError,
  type WorkingCalendar,
} from '@motcua/domain';
import { and, asc, desc, eq, gt, isNotNull, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type EngineContext, nowOf } from '../context.ts';
import { tenantCalendar } from './deadline.ts';
import { type DossierView, toDossierView } from './dossier-view.ts';

export async function listMyDossiers(ctx: EngineContext): Promise<DossierView[]> {
  if (ctx.actor.kind !== 'citizen') throw new ForbiddenError('This list is a citizen’s own.');
  const owner = ctx.actor.id;
  const rows = await withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select()
      .from(dossiers)
      .where(eq(dossiers.ownerId, owner))
      .orderBy(desc(dossiers.createdAt))
      .limit(200),
  );
  return rows.map(toDossierView);
}

export const queueFilter = z.object({
  state: z.enum(dossierStates).optional(),
  procedureCode: z.string().max(80).optional(),
  /** `due_soon`: due within the next day; `late`: past due and not finished. */
  due: z.enum(['due_soon', 'late']).optional(),
  assignedToMe: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * A dossier as the staff queue lists it. What the desk must watch: an online dossier must be
 * received or answered with a supplement request within 8 working hours of submission (Decree
 * 45/2020); a received one by its due date.
 */
export interface QueueItem {
  id: string;
  code: string | null;
  procedureCode: string;
  state: DossierState;
  nationalStatus: number | null;
  channel: DossierView['channel'];
  paid: boolean;
  assigneeId: string | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  /** The name the applicant declared (the first `*_full_name` answer), the only answer listed. */
  applicantName: string | null;
  flags: {
    deadline: 'on_time' | 'due_soon' | 'late' | null;
    /** For a submitted online dossier: the end of its 8 working hours. */
    answerBy: string | null;
    answerStatus: 'on_time' | 'due_soon' | 'late' | null;
  };
}

const answerWithinMinutes = 8 * 60;

type Flagged = Pick<QueueItem, 'state' | 'channel' | 'submittedAt' | 'dueAt' | 'finishedAt'>;

function flagsOf(view: Flagged, calendar: WorkingCalendar, now: Date): QueueItem['flags'] {
  const finished = view.finishedAt !== null;
  const deadline =
    view.dueAt && !finished ? deadlineStatus({ calendar, now, dueAt: new Date(view.dueAt) }) : null;
  if (view.state !== 'submitted' || view.channel !== 'online' || !view.submittedAt) {
    return { deadline, answerBy: null, answerStatus: null };
  }
  const answerBy = addWorkingMinutes(calendar, new Date(view.submittedAt), answerWithinMinutes);
  // Due soon: within the last two working hours of the eight.
  const answerStatus = deadlineStatus({ calendar, now, dueAt: answerBy, dueSoonWorkingMinutes: 120 });
  return { deadline, answerBy: answerBy.toISOString(), answerStatus };
}

type QueueFilter = z.infer<typeof queueFilter>;

function parseFilter(filter: unknown): QueueFilter {
  const parsed = queueFilter.safeParse(filter ?? {});
  if (!parsed.success) {
    throw new ValidationError(
      'Some filters are not valid.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/** The staff member's unit, when they are limited to one: they see only its dossiers. */
async function unitOf(db: TenantDb, actor: EngineContext['actor']) {
  if (actor.kind !== 'staff') return null;
  const [me] = await db
    .select({ unitId: staffUsers.unitId })
    .from(staffUsers)
    .where(eq(staffUsers.id, actor.id));
  return me?.unitId ?? null;
}

function whereOf(f: QueueFilter, actor: EngineContext['actor'], unitId: string | null, now: Date) {
  const where: SQL[] = [ne(dossiers.state, 'draft')];
  if (unitId) where.push(eq(dossiers.unitId, unitId));
  if (actor.kind === 'staff' && f.assignedToMe) where.push(eq(dossiers.assigneeId, actor.id));
  if (f.state) where.push(eq(dossiers.state, f.state));
  if (f.procedureCode) where.push(eq(dossiers.procedureCode, f.procedureCode));
  if (f.due) {
    where.push(isNotNull(dossiers.dueAt), isNull(dossiers.finishedAt));
    const soon = new Date(now.getTime() + 24 * 3_600_000);
    if (f.due === 'late') where.push(lte(dossiers.dueAt, now));
    else where.push(gt(dossiers.dueAt, now), lte(dossiers.dueAt, soon));
  }
  return and(...where);
}

/** The answers that name the applicant, most specific first; then any other `*_full_name`. */
const nameFields = ['applicant_full_name', 'owner_full_name', 'full_name', 'declarant_full_name'];
const nameArray = sql.raw(`array[${nameFields.map((f) => `'${f}'`).join(', ')}]::text[]`);

/** Picked in SQL, so that no other answer (ID numbers, addresses) leaves the database for a list. */
const applicantName = sql<string | null>`(
  select btrim(a.value #>> '{}') from jsonb_each(${dossiers.answers}) as a(key, value)
  where jsonb_typeof(a.value) = 'string' and btrim(a.value #>> '{}') <> ''
    and (a.key = any(${nameArray}) or a.key like '%\_full\_name')
  order by array_position(${nameArray}, a.key) nulls last, a.key
  limit 1)`;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export async function listQueue(ctx: EngineContext, filter: unknown): Promise<QueueItem[]> {
  assertCan(ctx.actor, 'dossiers.read');
  const f = parseFilter(filter);
  const now = nowOf(ctx);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const unitId = await unitOf(db, ctx.actor);
    const rows = await db
      .select({
        id: dossiers.id,
        code: dossiers.code,
        procedureCode: dossiers.procedureCode,
        state: dossiers.state,
        channel: dossiers.channel,
        paidAt: dossiers.paidAt,
        assigneeId: dossiers.assigneeId,
        submittedAt: dossiers.submittedAt,
        receivedAt: dossiers.receivedAt,
        dueAt: dossiers.dueAt,
        finishedAt: dossiers.finishedAt,
        applicantName,
      })
      .from(dossiers)
      .where(whereOf(f, ctx.actor, unitId, now))
      .orderBy(asc(dossiers.dueAt), asc(dossiers.submittedAt))
      .limit(f.limit);
    const calendar = await tenantCalendar(db);
    return rows.map(({ paidAt, ...row }) => {
      const state = row.state as DossierState;
      const item = {
        ...row,
        state,
        nationalStatus: nationalStatus(state),
        paid: paidAt !== null,
        submittedAt: iso(row.submittedAt),
        receivedAt: iso(row.receivedAt),
        dueAt: iso(row.dueAt),
        finishedAt: iso(row.finishedAt),
      };
      return { ...item, flags: flagsOf(item, calendar, now) };
    });
  });
}

/**
 * How many dossiers each queue filter would list (without its limit), counted in one statement:
 * the console home's "what needs attention" figures, which loading each queue only to count it
 * made the slowest page.
 */
export async function countQueue(ctx: EngineContext, filters: readonly unknown[]): Promise<number[]> {
  assertCan(ctx.actor, 'dossiers.read');
  const parsed = filters.map(parseFilter);
  if (parsed.length === 0) return [];
  const now = nowOf(ctx);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const unitId = await unitOf(db, ctx.actor);
    const columns = Object.fromEntries(
      parsed.map((f, i) => [
        `c${i}`,
        sql<number>`count(*) filter (where ${whereOf(f, ctx.actor, unitId, now)})`.mapWith(Number),
      ]),
    );
    const [row] = await db.select(columns).from(dossiers).where(ne(dossiers.state, 'draft'));
    return parsed.map((_, i) => (row?.[`c${i}`] as number | undefined) ?? 0);
  });
}
