// The agency's units (sở, xã/phường, trung tâm). A unit is never deleted: it is closed from a
// date on, so that dossiers filed with it keep it after a merger (docs/domain.md, "Who is who";
// since 1 July 2025 communes merged and the district level ended).
// "Active" is the same test as everywhere else: open from its start date, until its end date
// (exclusive). Dates are Vietnamese civil dates from the context's clock.
import { assertCan, recordAudit } from '@motcua/auth';
import { newId, type TenantDb, withTenant } from '@motcua/db';
import { staffUsers, type Unit, type UnitKind, unitKinds, units } from '@motcua/db/tenant';
import { isCivilDate, NotFoundError, PreconditionFailedError, ValidationError } from '@motcua/domain';
import { and, eq, gt, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type EngineContext, nowOf } from '../context.ts';
import { vietnamDate } from '../dossiers/dossier-code.ts';

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  /** Staff limited to this unit who are not disabled (invited or active). */
  staffCount: number;
}

const isActiveOn = (unit: Pick<Unit, 'validFrom' | 'validTo'>, today: string) =>
  unit.validFrom <= today && (unit.validTo === null || unit.validTo > today);

const activeOn = (today: string) =>
  and(lte(units.validFrom, today), or(isNull(units.validTo), gt(units.validTo, today)));

const trace = (ctx: EngineContext) => ({ requestId: ctx.requestId ?? null, ip: ctx.ip ?? null });

function invalid(message: string, path: string, code: string): never {
  throw new ValidationError(message, [{ path, message, code }]);
}

function parse<T>(schema: z.ZodType<T>, input: unknown, message: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      message,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: 'invalid' })),
    );
  }
  return parsed.data;
}

/** Every unit, open ones first, each with its parent's name and how many staff it still has. */
export async function listUnits(ctx: EngineContext): Promise<UnitView[]> {
  assertCan(ctx.actor, 'settings.manage');
  const today = vietnamDate(nowOf(ctx));
  const rows = await withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select({
        id: units.id,
        code: units.code,
        name: units.name,
        kind: units.kind,
        parentId: units.parentId,
        validFrom: units.validFrom,
        validTo: units.validTo,
        // `units.id` spelt out: drizzle writes a lone column unqualified, which inside this
        // subquery would mean the staff member's own id.
        staffCount: sql<number>`(select count(*)::int from staff_users s
          where s.unit_id = units.id and s.status <> 'disabled')`,
      })
      .from(units),
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return rows
    .map((r) => ({
      ...r,
      parentName: r.parentId ? (names.get(r.parentId) ?? null) : null,
      active: isActiveOn(r, today),
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'vi'));
}

const unitName = z.string().trim().min(1, 'A name is needed.').max(200);

export const createUnitInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'Letters, digits, dots and dashes, up to 40.'),
  name: unitName,
  kind: z.enum(unitKinds),
  parentId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
});

const codeTaken = (): never => invalid('An open unit already has this code.', 'code', 'code_taken');

function isCodeClash(error: unknown): boolean {
  const e = error as { code?: unknown; constraint_name?: unknown; cause?: unknown } | null;
  if (e?.code === '23505' && e.constraint_name === 'units_code_valid_from_key') return true;
  return e?.cause !== undefined && e.cause !== error && isCodeClash(e.cause);
}

export async function createUnit(ctx: EngineContext, input: unknown): Promise<UnitView> {
  assertCan(ctx.actor, 'settings.manage');
  const data = parse(createUnitInput, input, 'Some details of the unit need correcting.');
  const today = vietnamDate(nowOf(ctx));
  // Two admins adding the same code at once both start today: the unique index on (code, start)
  // refuses the second, which gets the same field error.
  try {
    return await withTenant(ctx.database, ctx.slug, async (db) => {
      const [clash] = await db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.code, data.code), or(activeOn(today), eq(units.validFrom, today))));
      if (clash) codeTaken();
      let parentName: string | null = null;
      if (data.parentId) {
        const [parent] = await db
          .select({ name: units.name })
          .from(units)
          .where(and(eq(units.id, data.parentId), activeOn(today)))
          .for('share');
        if (!parent) invalid('Choose an open unit as the parent.', 'parentId', 'parent');
        parentName = parent?.name ?? null;
      }
      const id = newId('uni');
      const row = {
        id,
        code: data.code,
        name: data.name,
        kind: data.kind,
        parentId: data.parentId ?? null,
        validFrom: today,
      };
      await db.insert(units).values(row);
      await recordAudit(db, {
        actor: ctx.actor,
        action: 'unit.created',
        subject: id,
        details: { code: row.code, name: row.name, kind: row.kind, parentId: row.parentId },
        ...trace(ctx),
      });
      return { ...row, validTo: null, parentName, active: true, staffCount: 0 };
    });
  } catch (error) {
    if (isCodeClash(error)) codeTaken();
    throw error;
  }
}

async function lockUnit(db: TenantDb, id: string) {
  const [unit] = await db.select().from(units).where(eq(units.id, id)).for('update');
  if (!unit) throw new NotFoundError('No such unit.', { id });
  return unit;
}

export async function renameUnit(
  ctx: EngineContext,
  id: string,
  input: unknown,
): Promise<{ id: string; name: string }> {
  assertCan(ctx.actor, 'settings.manage');
  const { name } = parse(z.object({ name: unitName }), input, 'The new name needs correcting.');
  const today = vietnamDate(nowOf(ctx));
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const unit = await lockUnit(db, id);
    if (!isActiveOn(unit, today)) {
      throw new PreconditionFailedError('A closed unit keeps the name it had.', { id }, 'unit_closed');
    }
    if (unit.name === name) return { id, name };
    await db.update(units).set({ name }).where(eq(units.id, id));
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'unit.renamed',
      subject: id,
      details: { from: unit.name, to: name },
      ...trace(ctx),
    });
    return { id, name };
  });
}

/**
 * Closes a unit from `onDate` on (its last open day is the day before). Refused while staff are
 * still limited to it or units below it are open: they would be left pointing at a closed unit.
 */
export async function closeUnit(
  ctx: EngineContext,
  id: string,
  onDate: string,
): Promise<{ id: string; validTo: string }> {
  assertCan(ctx.actor, 'settings.manage');
  if (!isCivilDate(onDate)) invalid('Use a date like 2026-09-03.', 'onDate', 'date');
  const today = vietnamDate(nowOf(ctx));
  // Closing in the past would rewrite which unit was open when earlier dossiers were filed.
  if (onDate < today) invalid('A unit closes today or later.', 'onDate', 'date_past');
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const unit = await lockUnit(db, id);
    if (unit.validTo !== null) {
      throw new PreconditionFailedError(
        'This unit is already closed or set to close.',
        { id },
        'unit_closed',
      );
    }
    if (onDate < unit.validFrom) invalid('A unit closes after it opened.', 'onDate', 'date_before_start');
    const [staff] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(staffUsers)
      .where(and(eq(staffUsers.unitId, id), ne(staffUsers.status, 'disabled')));
    if (staff && staff.count > 0) {
      throw new PreconditionFailedError(
        `${staff.count} staff member(s) are still limited to this unit; move them first.`,
        { id, staffCount: staff.count },
        'unit_has_staff',
      );
    }
    const [child] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.parentId, id), or(isNull(units.validTo), gt(units.validTo, onDate))));
    if (child) {
      throw new PreconditionFailedError(
        'Units below this one are still open; close them first.',
        { id },
        'unit_has_children',
      );
    }
    await db.update(units).set({ validTo: onDate }).where(eq(units.id, id));
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'unit.closed',
      subject: id,
      details: { code: unit.code, validTo: onDate },
      ...trace(ctx),
    });
    return { id, validTo: onDate };
  });
}
