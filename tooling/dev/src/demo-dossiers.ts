// Demo citizens and their dossiers for `npm start`: the plan of demo-plan.ts played through the
// engine's own verbs (saveDossier, actOnDossier) with the clock pinned to each step, so that codes,
// events, clock pauses, deadlines and outbox rows are what a real life of the dossier leaves.
import { createHash } from 'node:crypto';
import { type Actor, actorRef, hashPassword } from '@motcua/auth';
import { type Database, newId, parseSlug, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossierDocuments, dossiers, staffUsers } from '@motcua/db/tenant';
import { createWorkingCalendar, type DossierState, deadlineStatus } from '@motcua/domain';
import { actOnDossier, type EngineContext, saveDossier } from '@motcua/engine';
import type { Storage } from '@motcua/storage';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { type DemoSecrets, demoTenants, emailFor } from './demo.ts';
import type { DemoFile } from './demo-answers.ts';
import { makeDemoPdf } from './demo-pdf.ts';
import { citizenEmail, demoPeople } from './demo-people.ts';
import { type DemoRole, type DossierPlan, inputOf, type StaffIds } from './demo-plan.ts';
import { planDemoDossiers } from './demo-scenarios.ts';

export interface DemoCitizenAccount {
  tenant: string;
  email: string;
  fullName: string;
  password: string;
}

export interface DemoDossier {
  tenant: string;
  /** Null for a draft, which has no code until it is submitted. */
  code: string | null;
  state: DossierState;
  procedureCode: string;
  owner: string | null;
  /** With the code, what public tracking asks for (GET /t/<tenant>/api/public/track). */
  trackingKey: string | null;
  dueAt: string | null;
  /** Against the deadline until the dossier is finished, as of the start (the staff queue's flag). */
  deadline: 'on_time' | 'due_soon' | 'late' | null;
}

export interface DemoDossiers {
  citizens: DemoCitizenAccount[];
  dossiers: DemoDossier[];
}

interface Scope {
  database: Database;
  storage: Storage;
  slug: TenantSlug;
}

/** Idempotent: citizens are (re)set each start; dossiers only go into an agency that has none. */
export async function seedDemoDossiers(
  deps: { database: Database; storage: Storage },
  { password }: Pick<DemoSecrets, 'password'>,
  now: Date = new Date(),
): Promise<DemoDossiers> {
  const passwordHash = await hashPassword(password);
  const result: DemoDossiers = { citizens: [], dossiers: [] };
  for (const tenant of demoTenants) {
    const people = demoPeople[tenant.slug];
    if (!people) throw new Error(`No demo people for ${tenant.slug}.`);
    const scope: Scope = { ...deps, slug: parseSlug(tenant.slug) };
    const owners = await upsertCitizens(scope, people.citizens, passwordHash);
    result.citizens.push(
      ...people.citizens.map((c, i) => ({
        tenant: tenant.slug,
        email: citizenEmail(tenant.slug, i),
        fullName: c.fullName,
        password,
      })),
    );
    const [existing] = await withTenant(scope.database, scope.slug, (db) =>
      db.select({ n: count() }).from(dossiers),
    );
    if ((existing?.n ?? 0) === 0) {
      const staff = await findStaff(scope);
      for (const plan of planDemoDossiers(people, now)) {
        await playPlan(scope, plan, owners, staff).catch((error: unknown) => {
          throw new Error(`Demo dossier "${plan.key}" in ${tenant.slug} failed: ${String(error)}`, {
            cause: error,
          });
        });
      }
    }
    result.dossiers.push(...(await describeDossiers(scope, now)));
  }
  return result;
}

async function upsertCitizens(
  scope: Scope,
  people: readonly { fullName: string }[],
  passwordHash: string,
): Promise<string[]> {
  return withTenant(scope.database, scope.slug, async (db) => {
    const ids: string[] = [];
    for (const [i, person] of people.entries()) {
      const [row] = await db
        .insert(citizens)
        .values({
          id: newId('usr'),
          email: citizenEmail(scope.slug, i),
          fullName: person.fullName,
          passwordHash,
        })
        .onConflictDoUpdate({ target: citizens.email, set: { fullName: person.fullName, passwordHash } })
        .returning({ id: citizens.id });
      if (!row) throw new Error('The citizen upsert returned no row.');
      ids.push(row.id);
    }
    return ids;
  });
}

async function findStaff(scope: Scope): Promise<StaffIds> {
  const roles = ['reception', 'specialist', 'approver', 'clerk'] as const;
  const rows = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select({ id: staffUsers.id, email: staffUsers.email })
      .from(staffUsers)
      .where(
        inArray(
          staffUsers.email,
          roles.map((r) => emailFor(r, scope.slug)),
        ),
      ),
  );
  const idOf = (role: (typeof roles)[number]) => {
    const row = rows.find((r) => r.email === emailFor(role, scope.slug));
    if (!row) throw new Error(`The demo ${role} of ${scope.slug} is missing.`);
    return row.id;
  };
  return {
    reception: idOf('reception'),
    specialist: idOf('specialist'),
    approver: idOf('approver'),
    clerk: idOf('clerk'),
  };
}

async function playPlan(scope: Scope, plan: DossierPlan, owners: string[], staff: StaffIds) {
  const ownerId = owners[plan.filing.owner];
  if (!ownerId) throw new Error(`No demo citizen ${plan.filing.owner}.`);
  const actorOf = (role: DemoRole): Actor =>
    role === 'citizen' ? { kind: 'citizen', id: ownerId } : { kind: 'staff', id: staff[role], role };
  const ctx = (role: DemoRole, at: Date): EngineContext => ({
    database: scope.database,
    slug: scope.slug,
    actor: actorOf(role),
    now: () => at,
  });
  const { procedureCode, answers, files } = plan.filing;
  // Saved as typed first, files uploaded to the draft, then submitted; a draft left unsent has
  // not had its declaration ticked yet.
  const typed = Object.fromEntries(
    Object.entries(answers).filter(([field]) => plan.submit || field !== 'declaration_confirmed'),
  );
  const draft = await saveDossier(ctx('citizen', plan.at), { procedureCode, answers: typed, submit: false });
  if (!plan.submit) return;
  const dossierId = draft.dossier.id;
  const attached = { ...answers };
  for (const file of files) {
    const id = await attach(scope, dossierId, file, 'input', actorRef(actorOf('citizen')), plan.at);
    if (file.field) attached[file.field] = [id];
  }
  await saveDossier(ctx('citizen', plan.at), { procedureCode, dossierId, answers: attached, submit: true });
  for (const step of plan.steps) {
    const by = actorRef(actorOf(step.by));
    const kind = step.action === 'issue_result' ? 'result' : 'input';
    const ids: string[] = [];
    for (const file of step.files ?? []) ids.push(await attach(scope, dossierId, file, kind, by, step.at));
    await actOnDossier(ctx(step.by, step.at), {
      dossierId,
      action: step.action,
      input: inputOf(step, ids, staff),
    });
  }
}

/**
 * A checked file of the dossier, as the upload verbs leave one after the browser's upload was read
 * back: the object in the tenant's storage and a verified row with its size and SHA-256.
 */
async function attach(
  scope: Scope,
  dossierId: string,
  file: DemoFile,
  kind: 'input' | 'result',
  uploadedBy: string,
  at: Date,
): Promise<string> {
  const id = newId('doc', at.getTime());
  const storageKey = `dossiers/${dossierId}/${id}`;
  const bytes = makeDemoPdf([
    file.fileName,
    `Ho so ${dossierId}`,
    'Tai lieu minh hoa cua ban demo Motcua, khong co gia tri phap ly.',
  ]);
  await scope.storage.forTenant(scope.slug).put(storageKey, bytes, 'application/pdf');
  await withTenant(scope.database, scope.slug, (db) =>
    db.insert(dossierDocuments).values({
      id,
      dossierId,
      kind,
      slot: file.slot,
      fileName: file.fileName,
      contentType: 'application/pdf',
      sizeBytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
      status: 'verified',
      uploadedBy,
      createdAt: at,
      verifiedAt: at,
    }),
  );
  return id;
}

/** Every dossier of the agency, demo or not, so that a second start shows what is there. */
async function describeDossiers(scope: Scope, now: Date): Promise<DemoDossier[]> {
  const calendar = createWorkingCalendar();
  const rows = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select({
        code: dossiers.code,
        state: dossiers.state,
        procedureCode: dossiers.procedureCode,
        owner: citizens.email,
        trackingKey: dossiers.trackingKey,
        finishedAt: dossiers.finishedAt,
        dueAt: dossiers.dueAt,
      })
      .from(dossiers)
      .leftJoin(citizens, eq(citizens.id, dossiers.ownerId))
      .orderBy(asc(dossiers.createdAt)),
  );
  return rows.map((row) => {
    const isOpen = row.dueAt !== null && row.finishedAt === null;
    return {
      tenant: scope.slug,
      code: row.code,
      state: row.state as DossierState,
      procedureCode: row.procedureCode,
      owner: row.owner,
      trackingKey: row.trackingKey,
      dueAt: row.dueAt?.toISOString() ?? null,
      deadline: isOpen && row.dueAt ? deadlineStatus({ calendar, now, dueAt: row.dueAt }) : null,
    };
  });
}
