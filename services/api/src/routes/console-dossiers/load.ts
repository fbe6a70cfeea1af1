// Reads what the console pages show through the engine's verbs: the queue with procedure names,
// the counts of the home page, and one dossier with everything its page needs.
import type { StaffPrincipal } from '@motcua/auth';
import {
  countQueue,
  type EngineContext,
  getDossier,
  getDossierVersion,
  getStaffDirectory,
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
import { answerRows, offeredActions, printLinks, resultLinks, timelineRows } from './present.ts';

/** The engine's largest queue page: the console pages over it and says when it is full. */
export const queueLimit = 200;

export async function procedureNames(c: Ctx, locale: Locale): Promise<Map<string, string>> {
  const scope = { database: c.get('deps').database, slug: c.get('tenant').slug };
  const published = await listProcedures(scope);
  return new Map(published.map((p) => [p.document.code, p.document.name[locale]]));
}

/** The console's filters as the engine's queue filter. */
const engineFilter = (filters: ConsoleQueueFilters) => ({
  limit: queueLimit,
  ...(filters.state ? { state: filters.state } : {}),
  ...(filters.procedureCode ? { procedureCode: filters.procedureCode } : {}),
  ...(filters.due ? { due: filters.due } : {}),
  ...(filters.mine ? { assignedToMe: true } : {}),
});

export async function loadQueue(ctx: EngineContext, filters: ConsoleQueueFilters): Promise<QueueItem[]> {
  return listQueue(ctx, engineFilter(filters));
}

export function queueRow(item: QueueItem, names: ReadonlyMap<string, string>): ConsoleQueueRow {
  return {
    id: item.id,
    code: item.code,
    procedureName: names.get(item.procedureCode) ?? item.procedureCode,
    applicant: item.applicantName,
    nationalStatus: item.nationalStatus,
    state: item.state,
    dueAt: item.dueAt,
    deadline: item.flags.deadline,
    answerBy: item.flags.answerBy,
    answerStatus: item.flags.answerStatus,
  };
}

/** The home page's counts, in one statement. */
export async function attentionCounts(ctx: EngineContext): Promise<ConsoleAttentionCounts> {
  const filters: ConsoleQueueFilters[] = [
    { state: 'submitted' },
    { due: 'due_soon' },
    { due: 'late' },
    { mine: true },
    { state: 'supplement_requested' },
  ];
  const [submitted = 0, dueSoon = 0, late = 0, mine = 0, supplementRequested = 0] = await countQueue(
    ctx,
    filters.map(engineFilter),
  );
  return { submitted, dueSoon, late, mine, supplementRequested };
}

export async function loadDossierPage(
  base: AuthPageBase,
  g: { ctx: EngineContext; principal: StaffPrincipal },
  dossierId: string,
): Promise<ConsoleDossierPageProps> {
  const { dossier, timeline } = await getDossier(g.ctx, dossierId);
  // The version the dossier was filed under: its labels, papers and steps, even after a newer one.
  const [document, { names, officers }] = await Promise.all([
    getDossierVersion(g.ctx, dossierId),
    getStaffDirectory(g.ctx, dossierId),
  ]);
  const { locale, basePath } = base;
  const me = g.principal.id;
  const steps = document.workflow.steps;
  const step = dossier.stepIndex !== null ? steps[dossier.stepIndex] : undefined;
  return {
    ...base,
    dossier: {
      ...dossier,
      procedureName: document.name[locale],
      assignee: dossier.assigneeId ? (names.get(dossier.assigneeId) ?? dossier.assigneeId) : null,
      step: step ? `${(dossier.stepIndex ?? 0) + 1}/${steps.length}: ${step.name[locale]}` : null,
    },
    answers: answerRows(locale, basePath, dossier, document),
    results: resultLinks(locale, basePath, dossier.id, timeline),
    timeline: timelineRows(locale, timeline, names, me, {
      basePath,
      dossierId,
      nameOf: (paper) => document.documents.find((p) => p.id === paper)?.name[locale] ?? paper,
    }),
    forms: printLinks(locale, basePath, dossier, timeline),
    actions: offeredActions(dossier, steps.length, g.principal),
    officers,
  };
}
