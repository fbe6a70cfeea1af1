// Reads what the console pages show through the engine's verbs: the queue with procedure names,
// the counts of the home page, and one dossier with everything its page needs.
import { type StaffPrincipal, supportStaffView } from '@motcua/auth';
import {
  type DossierView,
  type EngineContext,
  getDossier,
  getProcedure,
  listProcedures,
  listQueue,
  type QueueItem,
} from '@motcua/engine';
import type {
  AuthPageBase,
  ConsoleAttentionCounts,
  ConsoleDossierPageProps,
  ConsoleQueueFilters,
  ConsoleQueueRow,
  Locale,
} from '@motcua/ui';
import type { Ctx } from './gate.tsx';
import { answerRows, applicantOf, offeredActions, printLinks, resultLinks, timelineRows } from './present.ts';

/** The engine's largest queue page: the console pages over it and says when it is full. */
export const queueLimit = 200;

export async function procedureNames(c: Ctx, locale: Locale): Promise<Map<string, string>> {
  const scope = { database: c.get('deps').database, slug: c.get('tenant').slug };
  const published = await listProcedures(scope);
  return new Map(published.map((p) => [p.document.code, p.document.name[locale]]));
}

export async function loadQueue(ctx: EngineContext, filters: ConsoleQueueFilters): Promise<QueueItem[]> {
  return listQueue(ctx, {
    limit: queueLimit,
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.procedureCode ? { procedureCode: filters.procedureCode } : {}),
    ...(filters.due ? { due: filters.due } : {}),
    ...(filters.mine ? { assignedToMe: true } : {}),
  });
}

export function queueRow(item: QueueItem, names: ReadonlyMap<string, string>): ConsoleQueueRow {
  return {
    id: item.id,
    code: item.code,
    procedureName: names.get(item.procedureCode) ?? item.procedureCode,
    applicant: applicantOf(item.answers),
    nationalStatus: item.nationalStatus,
    state: item.state,
    dueAt: item.dueAt,
    deadline: item.flags.deadline,
    answerBy: item.flags.answerBy,
    answerStatus: item.flags.answerStatus,
  };
}

/** The home page's counts, each as far as the engine's largest page. */
export async function attentionCounts(ctx: EngineContext): Promise<ConsoleAttentionCounts> {
  const count = async (filters: ConsoleQueueFilters) => (await loadQueue(ctx, filters)).length;
  const [submitted, dueSoon, late, mine, supplementRequested] = await Promise.all([
    count({ state: 'submitted' }),
    count({ due: 'due_soon' }),
    count({ due: 'late' }),
    count({ mine: true }),
    count({ state: 'supplement_requested' }),
  ]);
  return { submitted, dueSoon, late, mine, supplementRequested };
}

/**
 * The agency's staff by id, and its active case officers. Reception and leaders assign dossiers
 * but may not manage staff, so @motcua/auth's `listStaff` (staff.manage) refuses them; until the
 * engine has a verb for "who can be assigned", this reads the secret-free staff view the support
 * access uses (ids, names, roles, statuses) through the tenant's own unit of work.
 */
async function staffDirectory(c: Ctx) {
  const staff = await c.get('inTenant')(async (db) => supportStaffView(db));
  return {
    names: new Map(staff.map((s) => [s.id, s.fullName])),
    officers: staff
      .filter((s) => s.role === 'specialist' && s.status === 'active')
      .map((s) => ({ id: s.id, name: s.fullName })),
  };
}

/** The published version when it is the one the dossier was filed under; the labels come from it. */
async function versionOf(c: Ctx, dossier: DossierView) {
  try {
    const scope = { database: c.get('deps').database, slug: c.get('tenant').slug };
    const published = await getProcedure(scope, dossier.procedureCode);
    return { document: published.document, exact: published.versionId === dossier.procedureVersionId };
  } catch {
    return { document: null, exact: false };
  }
}

export async function loadDossierPage(
  c: Ctx,
  base: AuthPageBase,
  g: { ctx: EngineContext; principal: StaffPrincipal },
  dossierId: string,
): Promise<ConsoleDossierPageProps> {
  const { dossier, timeline } = await getDossier(g.ctx, dossierId);
  const [{ document, exact }, { names, officers }] = await Promise.all([
    versionOf(c, dossier),
    staffDirectory(c),
  ]);
  const { locale, basePath } = base;
  const me = g.principal.id;
  const steps = exact && document ? document.workflow.steps : null;
  const step = steps && dossier.stepIndex !== null ? steps[dossier.stepIndex] : undefined;
  return {
    ...base,
    dossier: {
      ...dossier,
      procedureName: document?.name[locale] ?? dossier.procedureCode,
      assignee: dossier.assigneeId ? (names.get(dossier.assigneeId) ?? dossier.assigneeId) : null,
      step: step && steps ? `${(dossier.stepIndex ?? 0) + 1}/${steps.length}: ${step.name[locale]}` : null,
    },
    answers: answerRows(locale, basePath, dossier, document),
    results: resultLinks(locale, basePath, dossier.id, timeline),
    timeline: timelineRows(locale, timeline, names, me),
    forms: printLinks(locale, basePath, dossier, timeline),
    actions: offeredActions(dossier, steps ? steps.length : null, g.principal),
    officers,
  };
}
