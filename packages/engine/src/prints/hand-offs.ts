// The rows of the processing control slip (form 06, Circular 03/2025/TT-VPCP, appendix I): one
// per hand-off of the dossier, who gave it to whom and when, the step the giver just finished,
// that step's deadline and whether it was met. Pure: built from the events already loaded.
import type { DossierEvent } from '@motcua/db/tenant';
import type { HandOff, Locale } from '@motcua/documents';
import { addWorkingMinutes, type DossierAction, timeliness } from '@motcua/domain';
import { nameActor, nameStaff, PRINT_LABELS } from './labels.ts';
import type { PrintFacts } from './print-facts.ts';

export const handOffActions = [
  'submit',
  'receive',
  'assign',
  'complete_step',
  'submit_for_approval',
  'approve',
  'issue_result',
  'return_result',
] as const satisfies readonly DossierAction[];
type HandOffAction = (typeof handOffActions)[number];

// Decree 45/2020/NĐ-CP: an online dossier is received, or answered with a supplement request,
// within 8 working hours of reaching the desk.
const ONLINE_INTAKE_MINUTES = 8 * 60;

export type SlipFacts = Pick<
  PrintFacts,
  'dossier' | 'events' | 'version' | 'unitName' | 'staffNames' | 'calendar'
>;

/** Where the dossier stands before an event: what the rows need to know of the events before it. */
interface Progress {
  /** Since when the desk has had it to check (the submission, or the latest supplement). */
  deskSince: Date | null;
  assigneeId: string | null;
  stepIndex: number;
  stepStart: Date | null;
}

const isHandOff = (action: string): action is HandOffAction =>
  (handOffActions as readonly string[]).includes(action);

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function advance(progress: Progress, event: DossierEvent): Progress {
  const { data } = event;
  switch (event.action) {
    case 'submit':
    case 'supplement':
      return { ...progress, deskSince: event.at };
    case 'assign':
      return { ...progress, assigneeId: textOf(data.assigneeId) ?? null, stepIndex: 0, stepStart: event.at };
    case 'complete_step': {
      const to = typeof data.toStep === 'number' ? data.toStep : progress.stepIndex + 1;
      return { ...progress, stepIndex: to, stepStart: event.at };
    }
    // Sent back from approval: the last step is done again, from now.
    case 'return_for_rework':
      return { ...progress, stepStart: event.at };
    default:
      return progress;
  }
}

/** The step the giver finished with this hand-off, and that step's deadline. */
function finishedStep(
  event: DossierEvent & { action: HandOffAction },
  progress: Progress,
  facts: SlipFacts,
  locale: Locale,
): { stepName: string; dueAt: Date | null } {
  const phases = PRINT_LABELS[locale].phases;
  switch (event.action) {
    case 'receive': {
      const online = facts.dossier.channel === 'online' && progress.deskSince;
      const dueAt = online ? addWorkingMinutes(facts.calendar, online, ONLINE_INTAKE_MINUTES) : null;
      return { stepName: phases.receive, dueAt };
    }
    case 'complete_step':
    case 'submit_for_approval': {
      const from = event.action === 'complete_step' ? event.data.fromStep : undefined;
      const index = typeof from === 'number' ? from : progress.stepIndex;
      const step = facts.version.workflow.steps[index];
      if (!step) throw new Error(`The dossier names workflow step ${index}, which its procedure lacks.`);
      const dueAt = progress.stepStart
        ? addWorkingMinutes(facts.calendar, progress.stepStart, step.budgetWorkingHours * 60)
        : null;
      return { stepName: step.name[locale], dueAt };
    }
    // The dossier's own appointment: issuing the result is what ends its clock.
    case 'issue_result':
      return { stepName: phases.issue_result, dueAt: facts.dossier.dueAt };
    default:
      return { stepName: phases[event.action], dueAt: null };
  }
}

/** The name of whoever next takes one of `actions` on the dossier after event `index`. */
function nextActor(facts: SlipFacts, index: number, actions: readonly string[], locale: Locale) {
  const next = facts.events.slice(index + 1).find((e) => actions.includes(e.action));
  return next ? nameActor(next.actor, facts.staffNames, locale) : undefined;
}

function receiverOf(
  event: DossierEvent & { action: HandOffAction },
  index: number,
  progress: Progress,
  facts: SlipFacts,
  locale: Locale,
): string {
  const labels = PRINT_LABELS[locale];
  const staff = (id: string | null | undefined) =>
    id ? nameStaff(id, facts.staffNames, locale) : labels.officer;
  switch (event.action) {
    case 'submit':
      return nextActor(facts, index, ['receive', 'refuse', 'request_supplement'], locale) ?? labels.desk;
    case 'receive':
      return facts.unitName ?? labels.unit;
    case 'assign':
      return staff(textOf(event.data.assigneeId));
    case 'complete_step':
      return staff(progress.assigneeId);
    case 'submit_for_approval':
      return nextActor(facts, index, ['approve', 'return_for_rework', 'stop'], locale) ?? labels.leader;
    case 'approve':
      return nextActor(facts, index, ['issue_result'], locale) ?? labels.clerk;
    case 'issue_result':
      return nextActor(facts, index, ['return_result'], locale) ?? labels.desk;
    case 'return_result':
      return labels.citizen;
  }
}

export function listHandOffs(facts: SlipFacts, locale: Locale): HandOff[] {
  const rows: HandOff[] = [];
  let progress: Progress = { deskSince: null, assigneeId: null, stepIndex: 0, stepStart: null };
  facts.events.forEach((event, index) => {
    if (isHandOff(event.action)) {
      const handOff = event as DossierEvent & { action: HandOffAction };
      const { stepName, dueAt } = finishedStep(handOff, progress, facts, locale);
      const note = handOff.action === 'complete_step' ? textOf(event.data.note) : undefined;
      rows.push({
        from: nameActor(event.actor, facts.staffNames, locale),
        to: receiverOf(handOff, index, progress, facts, locale),
        at: event.at,
        stepName,
        dueAt,
        timeliness: dueAt ? timeliness(event.at, dueAt) : null,
        ...(note ? { note } : {}),
      });
    }
    progress = advance(progress, event);
  });
  return rows;
}
