// The agency's own days off and working days over the national calendar (a local holiday, a
// make-up day its province decided). Deadlines of dossiers received afterwards use them.
import { assertCan, recordAudit } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { calendarOverrides } from '@motcua/db/tenant';
import { isCivilDate, ValidationError } from '@motcua/domain';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { EngineContext } from '../context.ts';

export const calendarOverrideInput = z.object({
  kind: z.enum(['off', 'working']),
  name: z.string().trim().min(1).max(200),
});

export async function listCalendarOverrides(ctx: EngineContext) {
  assertCan(ctx.actor, 'settings.manage');
  return withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select({ date: calendarOverrides.date, kind: calendarOverrides.kind, name: calendarOverrides.name })
      .from(calendarOverrides)
      .orderBy(asc(calendarOverrides.date)),
  );
}

function assertDate(date: string) {
  if (!isCivilDate(date)) {
    throw new ValidationError('Use a date like 2026-09-03.', [{ path: 'date', message: 'Not a date.' }]);
  }
}

export async function setCalendarOverride(ctx: EngineContext, date: string, input: unknown) {
  assertCan(ctx.actor, 'settings.manage');
  assertDate(date);
  const parsed = calendarOverrideInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'Some details need correcting.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const row = { date, ...parsed.data };
  return withTenant(ctx.database, ctx.slug, async (db) => {
    await db
      .insert(calendarOverrides)
      .values(row)
      .onConflictDoUpdate({ target: calendarOverrides.date, set: parsed.data });
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'calendar.override_set',
      subject: date,
      details: parsed.data,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return row;
  });
}

export async function removeCalendarOverride(ctx: EngineContext, date: string) {
  assertCan(ctx.actor, 'settings.manage');
  assertDate(date);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const removed = await db
      .delete(calendarOverrides)
      .where(eq(calendarOverrides.date, date))
      .returning({ date: calendarOverrides.date });
    if (removed.length > 0) {
      await recordAudit(db, {
        actor: ctx.actor,
        action: 'calendar.override_removed',
        subject: date,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      });
    }
    return { removed: removed.length > 0 };
  });
}
