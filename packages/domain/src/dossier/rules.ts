// Who may take which action on a dossier, and from which states. `decide` and
// `allowedActions` both ask `findObstacle`, so what a UI offers is exactly what succeeds.
import type { DossierSnapshot, DossierState } from './states.ts';

export const dossierActions = [
  'submit',
  'receive',
  'refuse',
  'request_supplement',
  'supplement',
  'assign',
  'complete_step',
  'request_payment',
  'record_payment',
  'submit_for_approval',
  'return_for_rework',
  'approve',
  'stop',
  'issue_result',
  'return_result',
  'withdraw',
  'apologise',
  'rate',
] as const;
export type DossierAction = (typeof dossierActions)[number];

/** Who is acting, as the transport resolved it; staff permissions come from the permission table. */
export type DossierActor =
  | { kind: 'citizen'; id: string }
  | { kind: 'staff'; id: string; permissions: readonly string[] }
  | { kind: 'system' };

export type DossierPermission =
  | 'dossiers.receive'
  | 'dossiers.process'
  | 'dossiers.approve'
  | 'dossiers.issue_result';

/** Any one of the listed ways of being allowed suffices. */
export interface Requirement {
  /** The citizen who owns the dossier. */
  owner?: true;
  /** Staff holding any of these permissions… */
  anyOf?: readonly DossierPermission[];
  /** …who must also be the dossier's assigned case officer. */
  assignee?: true;
  /** The platform itself, e.g. a verified online payment. */
  system?: true;
}

interface Rule {
  from: readonly DossierState[];
  who: Requirement | ((snapshot: DossierSnapshot) => Requirement);
}

const owner: Requirement = { owner: true };
const desk: Requirement = { anyOf: ['dossiers.receive'] };
const leader: Requirement = { anyOf: ['dossiers.approve'] };
const assignedOfficer: Requirement = { anyOf: ['dossiers.process'], assignee: true };
const officerOrDesk: Requirement = { anyOf: ['dossiers.process', 'dossiers.receive'] };

const rules: Readonly<Record<DossierAction, Rule>> = {
  submit: { from: ['draft'], who: owner },
  receive: { from: ['submitted'], who: desk },
  refuse: { from: ['submitted'], who: desk },
  // Before receipt the desk checks completeness; during processing the case officer does.
  request_supplement: {
    from: ['submitted', 'in_progress'],
    who: (s) => (s.state === 'submitted' ? desk : { anyOf: ['dossiers.process'] }),
  },
  supplement: { from: ['supplement_requested'], who: owner },
  assign: { from: ['received'], who: { anyOf: ['dossiers.receive', 'dossiers.approve'] } },
  complete_step: { from: ['in_progress'], who: assignedOfficer },
  request_payment: { from: ['in_progress'], who: officerOrDesk },
  record_payment: { from: ['payment_requested'], who: { anyOf: ['dossiers.receive'], system: true } },
  submit_for_approval: { from: ['in_progress'], who: assignedOfficer },
  return_for_rework: { from: ['awaiting_approval'], who: leader },
  approve: { from: ['awaiting_approval'], who: leader },
  stop: { from: ['in_progress', 'awaiting_approval', 'payment_requested'], who: leader },
  issue_result: { from: ['approved'], who: { anyOf: ['dossiers.issue_result'] } },
  return_result: { from: ['result_issued'], who: { anyOf: ['dossiers.issue_result', 'dossiers.receive'] } },
  withdraw: {
    from: ['submitted', 'supplement_requested', 'received', 'in_progress', 'payment_requested'],
    who: owner,
  },
  apologise: {
    from: ['received', 'in_progress', 'payment_requested', 'awaiting_approval', 'supplement_requested'],
    who: officerOrDesk,
  },
  rate: { from: ['result_returned'], who: owner },
};

function requirementFor(action: DossierAction, snapshot: DossierSnapshot): Requirement {
  const { who } = rules[action];
  return typeof who === 'function' ? who(snapshot) : who;
}

function meets(actor: DossierActor, requirement: Requirement, snapshot: DossierSnapshot): boolean {
  switch (actor.kind) {
    case 'citizen':
      return requirement.owner === true && actor.id === snapshot.ownerId;
    case 'system':
      return requirement.system === true;
    case 'staff': {
      const holds = requirement.anyOf?.some((p) => actor.permissions.includes(p)) ?? false;
      return holds && (requirement.assignee !== true || actor.id === snapshot.assigneeId);
    }
  }
}

function describeRequirement(requirement: Requirement): string {
  const ways: string[] = [];
  if (requirement.owner) ways.push("the dossier's owner");
  if (requirement.anyOf) {
    const perms = requirement.anyOf.map((p) => `"${p}"`).join(' or ');
    ways.push(`staff with ${perms}${requirement.assignee ? ' assigned to this dossier' : ''}`);
  }
  if (requirement.system) ways.push('the payment system');
  return ways.join(' or ');
}

/** A condition beyond the state itself: the workflow position, a rating already given. */
function findGuardFailure(
  action: DossierAction,
  s: DossierSnapshot,
): { reason: string; message: string } | null {
  switch (action) {
    case 'assign':
      return s.stepCount < 1
        ? { reason: 'no_steps', message: "The procedure's workflow has no steps to assign." }
        : null;
    case 'complete_step':
      return s.stepIndex === null || s.stepIndex + 1 >= s.stepCount
        ? { reason: 'last_step', message: 'This is the last step: submit the dossier for approval instead.' }
        : null;
    case 'submit_for_approval':
      return s.stepIndex !== s.stepCount - 1
        ? { reason: 'steps_remaining', message: 'Complete the remaining workflow steps first.' }
        : null;
    case 'rate':
      return s.rated ? { reason: 'already_rated', message: 'This dossier has already been rated.' } : null;
    default:
      return null;
  }
}

function label(code: string): string {
  return code.replaceAll('_', ' ');
}

export type Obstacle =
  | { kind: 'forbidden'; message: string; details: { action: DossierAction; requires: Requirement } }
  | {
      kind: 'invalid_transition';
      message: string;
      details: { action: DossierAction; state: DossierState; reason: string };
    };

/**
 * Why `actor` may not take `action` on this dossier now, or null when it may. The state is
 * checked first: who may act can depend on it (the desk or the case officer asks for a
 * supplement; only the assignee moves the workflow), and an action the state rules out is
 * ruled out for everyone. Workflow position and an earlier rating come last.
 */
export function findObstacle(
  snapshot: DossierSnapshot,
  action: DossierAction,
  actor: DossierActor,
): Obstacle | null {
  const { state } = snapshot;
  if (!rules[action].from.includes(state)) {
    return {
      kind: 'invalid_transition',
      message: `"${label(action)}" is not possible while the dossier is ${label(state)}.`,
      details: { action, state, reason: 'state' },
    };
  }
  const requirement = requirementFor(action, snapshot);
  if (!meets(actor, requirement, snapshot)) {
    return {
      kind: 'forbidden',
      message: `Only ${describeRequirement(requirement)} may do this ("${label(action)}").`,
      details: { action, requires: requirement },
    };
  }
  const guard = findGuardFailure(action, snapshot);
  return (
    guard && {
      kind: 'invalid_transition',
      message: guard.message,
      details: { action, state, reason: guard.reason },
    }
  );
}
