// Staff are told when a dossier they hold is nearly due, so that it is finished on time or the
// citizen gets an apology with a new date before the date passes (docs/domain.md "Deadlines"). One
// notice per dossier per due date: the outbox's dedupe key makes a repeated sweep write nothing.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { dossiers, outbox, procedureVersions, staffUsers } from '@motcua/db/tenant';
import { deadlineStatus } from '@motcua/domain';
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { tenantCalendar } from './deadline.ts';

/** States in which someone at the agency holds the dossier and its clock runs. */
const heldStates = ['received', 'in_progress', 'awaiting_approval', 'approved'];

export async function queueDueSoonNotices(
  scope: { database: Database; slug: TenantSlug },
  now: Date,
): Promise<number> {
  return withTenant(scope.database, scope.slug, async (db) => {
    // A cheap bound first (due within four calendar days), then the working-day rule.
    const horizon = new Date(now.getTime() + 4 * 24 * 3_600_000);
    const candidates = await db
      .select({
        id: dossiers.id,
        code: dossiers.code,
        dueAt: dossiers.dueAt,
        assigneeId: dossiers.assigneeId,
        unitId: dossiers.unitId,
        document: procedureVersions.document,
      })
      .from(dossiers)
      .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
      .where(
        and(
          inArray(dossiers.state, heldStates),
          isNull(dossiers.finishedAt),
          gt(dossiers.dueAt, now),
          lte(dossiers.dueAt, horizon),
        ),
      );
    if (candidates.length === 0) return 0;
    const calendar = await tenantCalendar(db);
    const desk = await db
      .select({ id: staffUsers.id, email: staffUsers.email, unitId: staffUsers.unitId })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'reception'), eq(staffUsers.status, 'active')));
    let written = 0;
    for (const dossier of candidates) {
      if (!dossier.dueAt || deadlineStatus({ calendar, now, dueAt: dossier.dueAt }) !== 'due_soon') continue;
      const holders = dossier.assigneeId
        ? await db
            .select({ id: staffUsers.id, email: staffUsers.email })
            .from(staffUsers)
            .where(and(eq(staffUsers.id, dossier.assigneeId), eq(staffUsers.status, 'active')))
        : desk.filter((d) => !d.unitId || d.unitId === dossier.unitId);
      const name = parseProcedureVersion(dossier.document).name;
      for (const holder of holders) {
        const inserted = await db
          .insert(outbox)
          .values({
            kind: 'email',
            dedupeKey: `${dossier.id}:due_soon:${dossier.dueAt.toISOString()}:${holder.id}`,
            payload: {
              template: 'dossier.due_soon',
              to: holder.email,
              dossierId: dossier.id,
              code: dossier.code,
              procedureName: name,
              dueAt: dossier.dueAt.toISOString(),
              data: {},
            },
          })
          .onConflictDoNothing()
          .returning({ id: outbox.id });
        written += inserted.length;
      }
    }
    return written;
  });
}
