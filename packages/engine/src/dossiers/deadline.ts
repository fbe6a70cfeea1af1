// The due date of a received dossier on the agency's calendar: from the receipt, for the
// procedure version's processing time, with every pause of the clock (supplement, payment)
// excluded. Recomputed from the events, never adjusted in place, so it cannot drift.
import type { TenantDb } from '@motcua/db';
import { calendarOverrides, dossierEvents } from '@motcua/db/tenant';
import { computeDeadline, createWorkingCalendar, type ProcedureVersion } from '@motcua/domain';
import { asc, eq } from 'drizzle-orm';

export async function tenantCalendar(db: TenantDb) {
  const overrides = await db
    .select({ date: calendarOverrides.date, kind: calendarOverrides.kind, name: calendarOverrides.name })
    .from(calendarOverrides);
  return createWorkingCalendar({ overrides: overrides.map((o) => ({ ...o, name: { vi: o.name } })) });
}

/** Pauses from the dossier's clock events; an open pause ends at `now`. */
export async function clockPauses(db: TenantDb, dossierId: string) {
  const events = await db
    .select({ clock: dossierEvents.clock, at: dossierEvents.at })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.id));
  const pauses: { from: Date; to: Date | null }[] = [];
  for (const { clock, at } of events) {
    if (clock === 'pause') pauses.push({ from: at, to: null });
    const open = pauses.at(-1);
    if (clock === 'resume' && open && open.to === null) open.to = at;
  }
  return pauses;
}

export async function dueDate(
  db: TenantDb,
  dossier: { id: string; receivedAt: Date },
  document: ProcedureVersion,
  now: Date,
): Promise<Date> {
  const result = computeDeadline({
    calendar: await tenantCalendar(db),
    receivedAt: dossier.receivedAt,
    duration: document.processingTime,
    pauses: await clockPauses(db, dossier.id),
    now,
  });
  return result.dueAt;
}
