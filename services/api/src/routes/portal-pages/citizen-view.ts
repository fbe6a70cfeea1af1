// What the citizen's dossier page shows, derived from the engine's view and timeline: the
// actions the state machine allows them now, the printed forms their history calls for, the
// result files, and the parts of each step's data meant for them (no staff names, no notes).
import { allowedActions, type DossierSnapshot, type DossierState } from '@motcua/domain';
import type { DossierView, TimelineEntry } from '@motcua/engine';
import type { PortalCitizenForm, PortalDossierDetail, PortalStepDetails } from '@motcua/ui';

/** Each citizen form exists once its step has happened (the engine refuses it before). */
const formOfAction: Readonly<Record<string, PortalCitizenForm>> = {
  receive: 'receipt',
  request_supplement: 'supplement-request',
  refuse: 'refusal',
  apologise: 'apology',
  stop: 'stop-notice',
};

export function listCitizenForms(timeline: readonly TimelineEntry[]): PortalCitizenForm[] {
  const forms = new Set<PortalCitizenForm>();
  for (const entry of timeline) {
    const form = formOfAction[entry.action];
    if (form) forms.add(form);
  }
  return [...forms];
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The result files of the latest issue, once the dossier has reached a result. */
export function listResultFiles(view: Pick<DossierView, 'state'>, timeline: readonly TimelineEntry[]) {
  if (view.state !== 'result_issued' && view.state !== 'result_returned') return [];
  const issue = timeline.findLast((e) => e.action === 'issue_result');
  const files = issue?.data.resultDocuments;
  return Array.isArray(files) ? files.filter(isText) : [];
}

function readMissing(value: unknown): { document: string; reason: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const { document, reason } = (item ?? {}) as { document?: unknown; reason?: unknown };
    return isText(document) ? [{ document, reason: isText(reason) ? reason : '' }] : [];
  });
}

/**
 * The parts of a step's data addressed to the citizen. Reasons the agency writes to them
 * (refusal, stop, apology — Circular 03/2025 forms 02–05) are shown; a leader's reason for
 * returning work to an officer and an officer's step notes are internal and are not.
 */
export function readStepDetails(entry: TimelineEntry): PortalStepDetails | undefined {
  const data = entry.data;
  const details: PortalStepDetails = {};
  if (['refuse', 'stop', 'withdraw', 'apologise'].includes(entry.action) && isText(data.reason)) {
    details.reason = data.reason;
  }
  if (entry.action === 'request_supplement') {
    details.missing = readMissing(data.missing);
    if (isText(data.note)) details.note = data.note;
  }
  if (entry.action === 'supplement') {
    const note = (data.answers as { note?: unknown } | undefined)?.note;
    if (isText(note)) details.note = note;
  }
  if (entry.action === 'apologise' && isText(data.newDueDate)) details.newDueDate = data.newDueDate;
  if (entry.action === 'request_payment' && typeof data.amount === 'number') details.amount = data.amount;
  if (entry.action === 'return_result' && isText(data.method)) details.method = data.method;
  if (entry.action === 'rate' && typeof data.score === 'number') {
    details.score = data.score;
    if (isText(data.comment)) details.comment = data.comment;
  }
  return Object.keys(details).length ? details : undefined;
}

/**
 * The snapshot the state machine decides on, rebuilt from what the citizen may see. The
 * workflow position only matters to staff actions, so its step count is a stand-in here.
 */
export function citizenSnapshot(
  view: DossierView,
  timeline: readonly TimelineEntry[],
  ownerId: string,
): DossierSnapshot {
  const requests = timeline.filter((e) => e.action === 'request_supplement');
  const pendingFrom = view.state === 'supplement_requested' ? requests.at(-1)?.from : undefined;
  return {
    state: view.state,
    ownerId,
    assigneeId: view.assigneeId,
    stepIndex: view.stepIndex,
    stepCount: Math.max(1, (view.stepIndex ?? 0) + 1),
    supplementCount: requests.length,
    supplementFrom: (pendingFrom as DossierState | undefined) ?? null,
    received: view.receivedAt !== null,
    rated: view.rating !== null,
    channel: view.channel,
  };
}

type Papers = NonNullable<PortalDossierDetail['actions']['supplement']>['papers'];

export function citizenActions(
  view: DossierView,
  timeline: readonly TimelineEntry[],
  citizenId: string,
  papers: Papers = [],
): PortalDossierDetail['actions'] {
  const allowed = new Set(
    allowedActions(citizenSnapshot(view, timeline, citizenId), { kind: 'citizen', id: citizenId }),
  );
  const request = timeline.findLast((e) => e.action === 'request_supplement');
  const note = request?.data.note;
  return {
    supplement: allowed.has('supplement')
      ? { missing: readMissing(request?.data.missing), papers, ...(isText(note) ? { note } : {}) }
      : undefined,
    withdraw: allowed.has('withdraw'),
    rate: allowed.has('rate'),
    // Feedback (phản ánh, kiến nghị) may be filed on any dossier the citizen has sent.
    feedback: view.state !== 'draft',
  };
}

export function toDossierDetail(
  view: DossierView,
  timeline: readonly TimelineEntry[],
  citizenId: string,
  procedureName: PortalDossierDetail['procedureName'],
  papers: Papers = [],
): PortalDossierDetail {
  return {
    id: view.id,
    code: view.code,
    procedureCode: view.procedureCode,
    procedureName,
    state: view.state,
    nationalStatus: view.nationalStatus,
    submittedAt: view.submittedAt,
    receivedAt: view.receivedAt,
    dueAt: view.dueAt,
    finishedAt: view.finishedAt,
    feeTotal: view.feeTotal,
    paid: view.paid,
    rating: view.rating,
    revision: view.revision,
    timeline: timeline.map((entry) => {
      const details = readStepDetails(entry);
      return { action: entry.action, at: entry.at, ...(details ? { details } : {}) };
    }),
    forms: listCitizenForms(timeline),
    results: listResultFiles(view, timeline),
    actions: citizenActions(view, timeline, citizenId, papers),
  };
}
