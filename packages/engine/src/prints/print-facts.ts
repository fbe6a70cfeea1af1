// Everything a printed form of one dossier is drawn from, read once in the print's unit of work
// so that the forms themselves are built by pure functions.
import type { TenantDb } from '@motcua/db';
import {
  citizens,
  type Dossier,
  type DossierEvent,
  dossierDocuments,
  dossierEvents,
  procedureVersions,
  settings,
  staffUsers,
  units,
} from '@motcua/db/tenant';
import type { ProcedureVersion, WorkingCalendar } from '@motcua/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { tenantCalendar } from '../dossiers/deadline.ts';
import { parseProcedureVersion } from '../procedures/parse-version.ts';

export interface PrintFacts {
  dossier: Dossier;
  /** Oldest first. */
  events: readonly DossierEvent[];
  version: ProcedureVersion;
  applicant: { fullName: string; email: string | null; phone: string | null };
  agency: { name: string; place: string };
  /** The competent unit the dossier was routed to, if any. */
  unitName: string | null;
  staffNames: ReadonlyMap<string, string>;
  /** Document slots the citizen has a checked file for. */
  inputSlots: ReadonlySet<string>;
  calendar: WorkingCalendar;
  /** The agency site, e.g. `https://da-nang.motcua.vn`: the receipt's tracking link points there. */
  siteOrigin: string;
  now: Date;
}

const textSetting = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

async function readAgency(db: TenantDb, slug: string): Promise<PrintFacts['agency']> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, ['display_name', 'place']));
  const byKey = new Map(rows.map((r) => [r.key, textSetting(r.value)]));
  const name = byKey.get('display_name') ?? slug;
  return { name, place: byKey.get('place') ?? name };
}

/** Staff named by the events: who acted, and whom a dossier was assigned to. */
function staffIdsOf(events: readonly DossierEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.actor.startsWith('staff:')) ids.add(event.actor.slice('staff:'.length));
    const assignee = event.data.assigneeId;
    if (event.action === 'assign' && typeof assignee === 'string') ids.add(assignee);
  }
  return [...ids];
}

async function readStaffNames(db: TenantDb, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export async function loadPrintFacts(
  db: TenantDb,
  scope: { slug: string; dossier: Dossier; siteOrigin: string; now: Date },
): Promise<PrintFacts> {
  const { dossier } = scope;
  const events = await db
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossier.id))
    .orderBy(asc(dossierEvents.id));
  const [version] = await db
    .select({ document: procedureVersions.document })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  if (!version) throw new Error('The dossier’s procedure version is missing.');
  const [owner] = await db
    .select({ fullName: citizens.fullName, email: citizens.email, phone: citizens.phone })
    .from(citizens)
    .where(eq(citizens.id, dossier.ownerId));
  if (!owner) throw new Error('The dossier’s citizen is missing.');
  const [unit] = dossier.unitId
    ? await db.select({ name: units.name }).from(units).where(eq(units.id, dossier.unitId))
    : [];
  const inputs = await db
    .select({ slot: dossierDocuments.slot })
    .from(dossierDocuments)
    .where(
      and(
        eq(dossierDocuments.dossierId, dossier.id),
        eq(dossierDocuments.kind, 'input'),
        eq(dossierDocuments.status, 'verified'),
      ),
    );
  return {
    dossier,
    events,
    version: parseProcedureVersion(version.document),
    applicant: owner,
    agency: await readAgency(db, scope.slug),
    unitName: unit?.name ?? null,
    staffNames: await readStaffNames(db, staffIdsOf(events)),
    inputSlots: new Set(inputs.map((i) => i.slot)),
    calendar: await tenantCalendar(db),
    siteOrigin: scope.siteOrigin,
    now: scope.now,
  };
}
