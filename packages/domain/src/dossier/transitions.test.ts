// Every action from every state, and every role on every action, against hand-written tables.
import { describe, expect, test } from 'vitest';
import { actors, type Role, roles, snapshotIn, validInputs } from '../../test/dossier-fixtures.ts';
import { ForbiddenError, PreconditionFailedError } from '../errors.ts';
import { allowedActions, decide } from './decide.ts';
import { type DossierAction, dossierActions } from './rules.ts';
import { type DossierSnapshot, type DossierState, dossierStates } from './states.ts';

// [action, from, to, a role that may take it from there]
const transitions: [DossierAction, DossierState, DossierState, Role][] = [
  ['submit', 'draft', 'submitted', 'owner'],
  ['receive', 'submitted', 'received', 'reception'],
  ['refuse', 'submitted', 'refused', 'reception'],
  ['request_supplement', 'submitted', 'supplement_requested', 'reception'],
  ['request_supplement', 'in_progress', 'supplement_requested', 'specialist'],
  ['supplement', 'supplement_requested', 'in_progress', 'owner'],
  ['assign', 'received', 'in_progress', 'reception'],
  ['complete_step', 'in_progress', 'in_progress', 'specialist'],
  ['request_payment', 'in_progress', 'payment_requested', 'specialist'],
  ['record_payment', 'payment_requested', 'in_progress', 'reception'],
  ['submit_for_approval', 'in_progress', 'awaiting_approval', 'specialist'],
  ['return_for_rework', 'awaiting_approval', 'in_progress', 'approver'],
  ['approve', 'awaiting_approval', 'approved', 'approver'],
  ['stop', 'in_progress', 'stopped', 'approver'],
  ['stop', 'awaiting_approval', 'stopped', 'approver'],
  ['stop', 'payment_requested', 'stopped', 'approver'],
  ['issue_result', 'approved', 'result_issued', 'clerk'],
  ['return_result', 'result_issued', 'result_returned', 'clerk'],
  ['withdraw', 'submitted', 'withdrawn', 'owner'],
  ['withdraw', 'supplement_requested', 'withdrawn', 'owner'],
  ['withdraw', 'received', 'withdrawn', 'owner'],
  ['withdraw', 'in_progress', 'withdrawn', 'owner'],
  ['withdraw', 'payment_requested', 'withdrawn', 'owner'],
  ['apologise', 'received', 'received', 'reception'],
  ['apologise', 'in_progress', 'in_progress', 'specialist'],
  ['apologise', 'payment_requested', 'payment_requested', 'reception'],
  ['apologise', 'awaiting_approval', 'awaiting_approval', 'specialist'],
  ['apologise', 'supplement_requested', 'supplement_requested', 'reception'],
  ['rate', 'result_returned', 'result_returned', 'owner'],
];

/** Submitting for approval needs the last workflow step; the fixtures start at the first. */
function fixtureFor(action: DossierAction, state: DossierState): DossierSnapshot {
  return action === 'submit_for_approval' ? snapshotIn(state, { stepIndex: 2 }) : snapshotIn(state);
}

describe('every action from every state, by a role that may take it', () => {
  const cases = dossierActions.flatMap((action) =>
    dossierStates.map((state) => {
      const row = transitions.find(([a, from]) => a === action && from === state);
      const role = row?.[3] ?? transitions.find(([a]) => a === action)![3];
      return { action, state, role, to: row?.[2] ?? null };
    }),
  );

  test.each(cases)('$action from $state by $role → $to', ({ action, state, role, to }) => {
    const snapshot = fixtureFor(action, state);
    const act = () => decide(snapshot, action, actors[role], validInputs[action]);
    if (to === null) {
      expect(act).toThrow(PreconditionFailedError);
      expect(act).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
      expect(allowedActions(snapshot, actors[role])).not.toContain(action);
    } else {
      const { event, snapshot: next } = act();
      expect(next.state).toBe(to);
      expect(event).toMatchObject({ action, from: state, to });
      expect(allowedActions(snapshot, actors[role])).toContain(action);
    }
  });
});

// Which roles may take each action, from a state where it is possible. `specialist` is the
// assigned case officer, `otherSpecialist` holds the same permission but is not assigned.
const whoMay: [DossierAction, DossierState, Role[]][] = [
  ['submit', 'draft', ['owner']],
  ['receive', 'submitted', ['reception']],
  ['refuse', 'submitted', ['reception']],
  ['request_supplement', 'submitted', ['reception']],
  ['request_supplement', 'in_progress', ['specialist', 'otherSpecialist']],
  ['supplement', 'supplement_requested', ['owner']],
  ['assign', 'received', ['reception', 'approver']],
  ['complete_step', 'in_progress', ['specialist']],
  ['request_payment', 'in_progress', ['specialist', 'otherSpecialist', 'reception']],
  ['record_payment', 'payment_requested', ['reception', 'system']],
  ['submit_for_approval', 'in_progress', ['specialist']],
  ['return_for_rework', 'awaiting_approval', ['approver']],
  ['approve', 'awaiting_approval', ['approver']],
  ['stop', 'awaiting_approval', ['approver']],
  ['issue_result', 'approved', ['reception', 'clerk']],
  ['return_result', 'result_issued', ['reception', 'clerk']],
  ['withdraw', 'in_progress', ['owner']],
  ['apologise', 'awaiting_approval', ['specialist', 'otherSpecialist', 'reception']],
  ['rate', 'result_returned', ['owner']],
];

describe('every role on every action', () => {
  test('the table names every action', () => {
    expect(new Set(whoMay.map(([action]) => action))).toEqual(new Set(dossierActions));
  });

  const cases = whoMay.flatMap(([action, state, allowed]) =>
    roles.map((role) => ({ action, state, role, may: allowed.includes(role) })),
  );

  test.each(cases)('$action from $state by $role: allowed $may', ({ action, state, role, may }) => {
    const snapshot = fixtureFor(action, state);
    const act = () => decide(snapshot, action, actors[role], validInputs[action]);
    if (may) {
      expect(act().event.action).toBe(action);
    } else {
      expect(act).toThrow(ForbiddenError);
    }
    expect(allowedActions(snapshot, actors[role]).includes(action)).toBe(may);
  });

  test('the state is checked before the actor: an impossible action is impossible for everyone', () => {
    for (const [state, action, role] of [
      ['draft', 'withdraw', 'stranger'],
      ['result_returned', 'receive', 'owner'],
      ['received', 'complete_step', 'otherSpecialist'],
    ] as const) {
      expect(() => decide(snapshotIn(state), action, actors[role], validInputs[action])).toThrow(
        expect.objectContaining({ code: 'invalid_transition' }),
      );
    }
  });

  test('a workflow guard is checked after the actor', () => {
    const atLastStep = snapshotIn('in_progress', { stepIndex: 2 });
    expect(() => decide(atLastStep, 'complete_step', actors.otherSpecialist, {})).toThrow(ForbiddenError);
    expect(() => decide(atLastStep, 'complete_step', actors.specialist, {})).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
  });

  test('a citizen is never the assignee, even with the same id', () => {
    const snapshot = snapshotIn('in_progress', { assigneeId: 'cit_owner' });
    expect(() => decide(snapshot, 'complete_step', actors.owner, {})).toThrow(ForbiddenError);
  });

  test('a staff member is never the owner, even with the same id', () => {
    const snapshot = snapshotIn('draft', { ownerId: 'usr_desk' });
    expect(() => decide(snapshot, 'submit', actors.reception, {})).toThrow(ForbiddenError);
  });

  test('the forbidden error says what would be needed', () => {
    try {
      decide(snapshotIn('in_progress'), 'complete_step', actors.otherSpecialist, {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).facts).toEqual({
        action: 'complete_step',
        requires: { anyOf: ['dossiers.process'], assignee: true },
      });
    }
  });
});

describe('allowedActions', () => {
  // Hand-listed: what each actor is offered on representative dossiers.
  test.each([
    ['draft', 'owner', ['submit']],
    ['submitted', 'owner', ['withdraw']],
    ['submitted', 'reception', ['receive', 'refuse', 'request_supplement']],
    ['received', 'reception', ['assign', 'apologise']],
    ['received', 'approver', ['assign']],
    ['in_progress', 'specialist', ['request_supplement', 'complete_step', 'request_payment', 'apologise']],
    ['in_progress', 'otherSpecialist', ['request_supplement', 'request_payment', 'apologise']],
    ['in_progress', 'approver', ['stop']],
    ['payment_requested', 'reception', ['record_payment', 'apologise']],
    ['payment_requested', 'system', ['record_payment']],
    ['awaiting_approval', 'approver', ['return_for_rework', 'approve', 'stop']],
    ['approved', 'clerk', ['issue_result']],
    ['result_issued', 'reception', ['return_result']],
    ['result_returned', 'owner', ['rate']],
    ['result_returned', 'reception', []],
    ['withdrawn', 'owner', []],
    ['in_progress', 'viewer', []],
    ['in_progress', 'stranger', []],
  ] as [DossierState, Role, DossierAction[]][])('%s, %s → %j', (state, role, expected) => {
    expect(allowedActions(snapshotIn(state), actors[role])).toEqual(expected);
  });
});
