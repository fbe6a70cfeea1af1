// What the console shows of the engine's records, in the page's language: the queue's filters
// from the address, the applicant's name, the declaration, the history, the printable forms and
// the actions the state machine allows this person now. Pure.
import { type StaffPrincipal, staffRolePermissions } from '@motcua/auth';
import {
  allowedActions,
  type DossierSnapshot,
  dossierStates,
  type FormField,
  findProvince,
  type ProcedureVersion,
} from '@motcua/domain';
import type { DossierView, TimelineEntry } from '@motcua/engine';
import {
  type ConsoleAction,
  type ConsoleAnswerRow,
  type ConsoleFileLink,
  type ConsoleQueueFilters,
  type ConsoleTimelineRow,
  consoleActions,
  consoleDossierText,
  type Locale,
} from '@motcua/ui';

export const pageSize = 50;

/** Filters and page from the queue's address; anything unknown is ignored, not an error. */
export function readQueueQuery(query: Record<string, string | undefined>): {
  filters: ConsoleQueueFilters;
  page: number;
} {
  const state = dossierStates.find((s) => s !== 'draft' && s === query.state);
  const procedure = query.procedure?.trim();
  const due = query.due === 'due_soon' || query.due === 'late' ? query.due : undefined;
  const page = /^\d{1,4}$/.test(query.page ?? '') ? Math.max(1, Number(query.page)) : 1;
  return {
    filters: {
      ...(state ? { state } : {}),
      ...(procedure && procedure.length <= 80 ? { procedureCode: procedure } : {}),
      ...(due ? { due } : {}),
      ...(query.mine === '1' ? { mine: true } : {}),
    },
    page,
  };
}

/** One page of `items`, the page number brought into range. */
export function paginate<T>(items: readonly T[], page: number, size = pageSize) {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  return { rows: items.slice((current - 1) * size, current * size), page: current, pageCount };
}

// The starter procedures name the person filing in one of these fields; the first answered wins.
export const apiHref = (basePath: string, dossierId: string, rest: string) =>
  `${basePath}/api/dossiers/${encodeURIComponent(dossierId)}/${rest}`;

const fileIds = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function answerText(locale: Locale, field: FormField | undefined, value: unknown): string {
  const say = (key: 'yes' | 'no' | 'noAnswer') => consoleDossierText(locale, key);
  if (value === undefined || value === null || value === '') return say('noAnswer');
  if (field?.type === 'select' || field?.type === 'radio') {
    return field.options.find((o) => o.value === value)?.label[locale] ?? String(value);
  }
  if (typeof value === 'boolean') return say(value ? 'yes' : 'no');
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { street, commune, province } = value as Record<string, unknown>;
    const provinceName = typeof province === 'string' ? findProvince(province)?.name[locale] : undefined;
    return [street, commune, provinceName ?? province].filter((p) => typeof p === 'string' && p).join(', ');
  }
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/**
 * The declaration in the form's order (the version's labels), answers it does not know after
 * them by their ids; file answers as links to the checked files.
 */
export function answerRows(
  locale: Locale,
  basePath: string,
  dossier: Pick<DossierView, 'id' | 'answers'>,
  version: ProcedureVersion | null,
): ConsoleAnswerRow[] {
  const fields = version?.form.fields ?? [];
  const ordered = [
    ...fields.filter((f) => f.id in dossier.answers).map((f) => f.id),
    ...Object.keys(dossier.answers).filter((id) => !fields.some((f) => f.id === id)),
  ];
  return ordered.map((id) => {
    const field = fields.find((f) => f.id === id);
    const value = dossier.answers[id];
    const label = field?.label[locale] ?? id;
    if (field?.type !== 'file') return { label, value: answerText(locale, field, value) };
    const documentName = version?.documents.find((d) => d.id === field.document)?.name[locale] ?? label;
    const ids = fileIds(value);
    const files = ids.map((doc, i) => ({
      href: apiHref(basePath, dossier.id, `documents/${encodeURIComponent(doc)}/content`),
      label:
        ids.length > 1 ? `${documentName} (${consoleDossierText(locale, 'file')} ${i + 1})` : documentName,
    }));
    return { label, value: files.length ? '' : answerText(locale, field, undefined), files };
  });
}

/** The result files the last issue named. */
export function resultLinks(
  locale: Locale,
  basePath: string,
  dossierId: string,
  timeline: readonly TimelineEntry[],
): ConsoleFileLink[] {
  const issued = timeline.findLast((e) => e.action === 'issue_result');
  const ids = fileIds(issued?.data.resultDocuments);
  const name = consoleDossierText(locale, 'resultFile');
  return ids.map((doc, i) => ({
    href: apiHref(basePath, dossierId, `documents/${encodeURIComponent(doc)}/content`),
    label: ids.length > 1 ? `${name} ${i + 1}` : name,
  }));
}

// Circular 03/2025/TT-VPCP appendix I: each form exists once the step it records happened.
const formsByEvent: [string, string, Parameters<typeof consoleDossierText>[1]][] = [
  ['receive', 'receipt', 'formReceipt'],
  ['request_supplement', 'supplement-request', 'formSupplement'],
  ['refuse', 'refusal', 'formRefusal'],
  ['apologise', 'apology', 'formApology'],
  ['stop', 'stop-notice', 'formStop'],
];

export function printLinks(
  locale: Locale,
  basePath: string,
  dossier: Pick<DossierView, 'id' | 'receivedAt'>,
  timeline: readonly TimelineEntry[],
): ConsoleFileLink[] {
  const link = (form: string, key: Parameters<typeof consoleDossierText>[1]) => ({
    href: `${apiHref(basePath, dossier.id, `forms/${form}`)}?lang=${locale}`,
    label: consoleDossierText(locale, key),
  });
  const links = formsByEvent
    .filter(([action]) => timeline.some((e) => e.action === action))
    .map(([, form, key]) => link(form, key));
  if (dossier.receivedAt) links.push(link('control-slip', 'formControlSlip'));
  return links;
}

/** A staff reference (`staff:usr_…`) or a bare id as a person's name, "you" for the viewer. */
export function personName(
  locale: Locale,
  ref: string,
  names: ReadonlyMap<string, string>,
  me: string,
): string {
  const colon = ref.indexOf(':');
  const kind = colon < 0 ? 'staff' : ref.slice(0, colon);
  const id = colon < 0 ? ref : ref.slice(colon + 1);
  if (kind === 'citizen') return consoleDossierText(locale, 'citizen');
  if (kind !== 'staff') return consoleDossierText(locale, 'system');
  if (id === me) return consoleDossierText(locale, 'you');
  return names.get(id) ?? consoleDossierText(locale, 'officer');
}

/** What each step recorded, as short lines: reasons, the missing documents, dates, methods. */
function notesOf(locale: Locale, entry: TimelineEntry, names: ReadonlyMap<string, string>, me: string) {
  const d = entry.data;
  const notes: string[] = [];
  const say = (key: Parameters<typeof consoleDossierText>[1]) => consoleDossierText(locale, key);
  if (typeof d.assigneeId === 'string') notes.push(personName(locale, d.assigneeId, names, me));
  if (Array.isArray(d.missing)) {
    for (const item of d.missing as { document?: unknown; reason?: unknown }[]) {
      notes.push(`${String(item.document ?? '')}: ${String(item.reason ?? '')}`);
    }
  }
  if (typeof d.newDueDate === 'string') notes.push(`${say('newDueDate')}: ${d.newDueDate}`);
  if (typeof d.reference === 'string') notes.push(`${say('paymentReference')}: ${d.reference}`);
  if (typeof d.score === 'number') notes.push(`${d.score}/5`);
  for (const key of ['reason', 'note', 'comment'] as const) {
    if (typeof d[key] === 'string' && d[key]) notes.push(d[key] as string);
  }
  // A supplement's answers: the citizen's note as written, other answers with their key.
  if (typeof d.answers === 'object' && d.answers !== null) {
    for (const [key, value] of Object.entries(d.answers)) {
      if (typeof value === 'string' && value) notes.push(key === 'note' ? value : `${key}: ${value}`);
    }
  }
  return notes;
}

/** The papers a supplement attached, by the paper of the procedure each was uploaded as. */
function filesOf(
  basePath: string,
  dossierId: string,
  entry: TimelineEntry,
  paperName: (paper: string) => string,
): ConsoleFileLink[] {
  const documents = entry.data.documents;
  if (entry.action !== 'supplement' || typeof documents !== 'object' || documents === null) return [];
  return Object.entries(documents).flatMap(([paper, value]) => {
    const ids = fileIds(value);
    return ids.map((doc, i) => ({
      href: apiHref(basePath, dossierId, `documents/${encodeURIComponent(doc)}/content`),
      label: ids.length > 1 ? `${paperName(paper)} ${i + 1}` : paperName(paper),
    }));
  });
}

export function timelineRows(
  locale: Locale,
  timeline: readonly TimelineEntry[],
  names: ReadonlyMap<string, string>,
  me: string,
  papers: { basePath: string; dossierId: string; nameOf: (paper: string) => string },
): ConsoleTimelineRow[] {
  return timeline.map((entry) => {
    const files = filesOf(papers.basePath, papers.dossierId, entry, papers.nameOf);
    return {
      at: entry.at,
      action: entry.action,
      actor: personName(locale, entry.actor, names, me),
      notes: notesOf(locale, entry, names, me),
      ...(files.length ? { files } : {}),
    };
  });
}

/**
 * The console actions the state machine allows this staff member on the dossier now. When the
 * dossier's own workflow is not known (its version is no longer the published one), both "complete
 * this step" and "submit for approval" are offered and the engine, which knows, decides.
 */
export function offeredActions(
  dossier: DossierView,
  stepCount: number | null,
  principal: Pick<StaffPrincipal, 'id' | 'role'>,
): ConsoleAction[] {
  const actor = {
    kind: 'staff' as const,
    id: principal.id,
    permissions: staffRolePermissions[principal.role],
  };
  const snapshot = (steps: number): DossierSnapshot => ({
    state: dossier.state,
    ownerId: '',
    assigneeId: dossier.assigneeId,
    stepIndex: dossier.stepIndex,
    stepCount: steps,
    supplementCount: 0,
    supplementFrom: null,
    received: dossier.receivedAt !== null,
    rated: dossier.rating !== null,
    channel: dossier.channel,
  });
  const position = dossier.stepIndex ?? 0;
  const counts = stepCount === null ? [position + 1, position + 2] : [stepCount];
  const allowed = new Set(counts.flatMap((n) => allowedActions(snapshot(n), actor)));
  return consoleActions.filter((action) => allowed.has(action));
}
