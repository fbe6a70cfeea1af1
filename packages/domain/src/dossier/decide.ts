// The dossier state machine: given a loaded dossier, an action, who takes it and their input,
// the new dossier and the event to store with it in one transaction. Pure: no clock, no I/O.
import { ForbiddenError, PreconditionFailedError, ValidationError } from '../errors.ts';
import { type ActionInput, parseActionInput } from './inputs.ts';
import { type DossierAction, type DossierActor, dossierActions, findObstacle } from './rules.ts';
import type { DossierSnapshot, DossierState } from './states.ts';

/** How the resolution clock moves with an event; the caller stores each pause to exclude it. */
export type ClockChange = 'start' | 'pause' | 'resume' | 'stop';

export interface DossierEvent {
  action: DossierAction;
  from: DossierState;
  to: DossierState;
  data: Record<string, unknown>;
  clock?: ClockChange;
}

export interface DossierDecision {
  snapshot: DossierSnapshot;
  event: DossierEvent;
}

interface Effect {
  changes: Partial<DossierSnapshot>;
  data: Record<string, unknown>;
  clock?: ClockChange | undefined;
}

type Effects = { [A in DossierAction]: (s: DossierSnapshot, input: ActionInput<A>) => Effect };

/** The clock only exists once the dossier has been received. */
function ifReceived(s: DossierSnapshot, change: ClockChange): ClockChange | undefined {
  return s.received ? change : undefined;
}

function returnFromSupplement(s: DossierSnapshot): DossierState {
  if (s.supplementFrom === 'submitted' || s.supplementFrom === 'in_progress') return s.supplementFrom;
  return s.received ? 'in_progress' : 'submitted';
}

const effects: Effects = {
  submit: () => ({ changes: { state: 'submitted' }, data: {} }),
  receive: () => ({ changes: { state: 'received', received: true }, data: {}, clock: 'start' }),
  refuse: (_s, input) => ({ changes: { state: 'refused' }, data: input }),
  request_supplement: (s, input) => ({
    changes: {
      state: 'supplement_requested',
      supplementCount: s.supplementCount + 1,
      supplementFrom: s.state,
    },
    data: {
      ...input,
      sequence: s.supplementCount + 1,
      // Decision 766/QĐ-TTg: the dossier should be asked for supplements once; a further request
      // made after receipt (while the clock runs) counts as late in the on-time indicator.
      // A request before receipt never does, as the clock has not started.
      countsAsLate: s.received && s.supplementCount >= 1,
    },
    clock: ifReceived(s, 'pause'),
  }),
  supplement: (s, input) => ({
    changes: { state: returnFromSupplement(s), supplementFrom: null },
    data: input,
    clock: ifReceived(s, 'resume'),
  }),
  assign: (_s, input) => ({
    changes: { state: 'in_progress', assigneeId: input.assigneeId, stepIndex: 0 },
    data: { assigneeId: input.assigneeId, stepIndex: 0 },
  }),
  complete_step: (s, input) => {
    const fromStep = s.stepIndex ?? 0;
    return { changes: { stepIndex: fromStep + 1 }, data: { ...input, fromStep, toStep: fromStep + 1 } };
  },
  request_payment: (_s, input) => ({ changes: { state: 'payment_requested' }, data: input, clock: 'pause' }),
  record_payment: (_s, input) => ({ changes: { state: 'in_progress' }, data: input, clock: 'resume' }),
  submit_for_approval: () => ({ changes: { state: 'awaiting_approval' }, data: {} }),
  return_for_rework: (_s, input) => ({ changes: { state: 'in_progress' }, data: input }),
  approve: () => ({ changes: { state: 'approved' }, data: {} }),
  stop: (_s, input) => ({ changes: { state: 'stopped' }, data: input, clock: 'stop' }),
  // The dossier is done (national status 9) once the result is issued: that ends the clock.
  issue_result: (_s, input) => ({ changes: { state: 'result_issued' }, data: input, clock: 'stop' }),
  return_result: (_s, input) => ({ changes: { state: 'result_returned' }, data: input }),
  withdraw: (s, input) => ({
    changes: { state: 'withdrawn', supplementFrom: null },
    data: input,
    clock: ifReceived(s, 'stop'),
  }),
  apologise: (_s, input) => ({ changes: {}, data: input }),
  rate: (_s, input) => ({ changes: { rated: true }, data: input }),
};

/** Input rules that depend on who acts, not only on the input. */
function checkActorInput<A extends DossierAction>(
  action: A,
  actor: DossierActor,
  input: ActionInput<A>,
): void {
  if (action === 'record_payment' && actor.kind === 'system') {
    const { method } = input as ActionInput<'record_payment'>;
    if (method !== 'online') {
      throw new ValidationError('Some details need correcting.', [
        { path: 'method', message: 'The payment system records verified online payments only.' },
      ]);
    }
  }
}

function apply<A extends DossierAction>(
  snapshot: DossierSnapshot,
  action: A,
  input: ActionInput<A>,
): DossierDecision {
  const effect = effects[action](snapshot, input);
  const next: DossierSnapshot = { ...snapshot, ...effect.changes };
  const event: DossierEvent = {
    action,
    from: snapshot.state,
    to: next.state,
    data: effect.data,
    ...(effect.clock ? { clock: effect.clock } : {}),
  };
  return { snapshot: next, event };
}

/**
 * Takes `action` on the dossier. Throws ForbiddenError when the actor may not, a
 * PreconditionFailedError coded `invalid_transition` when the dossier's state (or workflow
 * step, or an earlier rating) does not allow it, and a ValidationError listing bad fields.
 */
export function decide<A extends DossierAction>(
  snapshot: DossierSnapshot,
  action: A,
  actor: DossierActor,
  input: unknown,
): DossierDecision {
  const obstacle = findObstacle(snapshot, action, actor);
  if (obstacle?.kind === 'forbidden') throw new ForbiddenError(obstacle.message, obstacle.details);
  if (obstacle) throw new PreconditionFailedError(obstacle.message, obstacle.details, 'invalid_transition');
  const parsed = parseActionInput(action, input);
  checkActorInput(action, actor, parsed);
  return apply(snapshot, action, parsed);
}

/** The actions this actor may take on the dossier now, for a UI to offer. */
export function allowedActions(snapshot: DossierSnapshot, actor: DossierActor): DossierAction[] {
  return dossierActions.filter((action) => findObstacle(snapshot, action, actor) === null);
}
