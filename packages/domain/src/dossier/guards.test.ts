// Conditions beyond the state (workflow position, a rating given, who records a payment),
// and one whole life cycle.
import { describe, expect, test } from 'vitest';
import { actors, snapshotIn, validInputs } from '../../test/dossier-fixtures.ts';
import { PreconditionFailedError, ValidationError } from '../errors.ts';
import { decide } from './decide.ts';
import type { DossierAction, DossierActor } from './rules.ts';

function expectInvalidTransition(act: () => unknown, reason: string): void {
  try {
    act();
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({ code: 'invalid_transition', facts: { reason } });
  }
}

describe('decide: guards', () => {
  test('a whole life cycle, with a supplement and a payment on the way', () => {
    const moves: [DossierAction, DossierActor, unknown][] = [
      ['submit', actors.owner, {}],
      ['request_supplement', actors.reception, validInputs.request_supplement],
      ['supplement', actors.owner, validInputs.supplement],
      ['receive', actors.reception, {}],
      ['assign', actors.approver, { assigneeId: 'usr_officer' }],
      ['complete_step', actors.specialist, {}],
      ['request_supplement', actors.specialist, validInputs.request_supplement],
      ['supplement', actors.owner, validInputs.supplement],
      ['request_payment', actors.specialist, { amount: 200_000 }],
      ['record_payment', actors.system, { method: 'online', reference: 'NPP-1' }],
      ['complete_step', actors.specialist, {}],
      ['submit_for_approval', actors.specialist, {}],
      ['approve', actors.approver, {}],
      ['issue_result', actors.clerk, validInputs.issue_result],
      ['return_result', actors.reception, { method: 'online' }],
      ['rate', actors.owner, { score: 5 }],
    ];
    let snapshot = snapshotIn('draft');
    const trail: string[] = [];
    for (const [action, actor, input] of moves) {
      const { event, snapshot: next } = decide(snapshot, action, actor, input);
      trail.push(`${event.to}${event.clock ? ` (${event.clock})` : ''}`);
      snapshot = next;
    }
    expect(trail).toEqual([
      'submitted',
      'supplement_requested',
      'submitted',
      'received (start)',
      'in_progress',
      'in_progress',
      'supplement_requested (pause)',
      'in_progress (resume)',
      'payment_requested (pause)',
      'in_progress (resume)',
      'in_progress',
      'awaiting_approval',
      'approved',
      'result_issued (stop)',
      'result_returned',
      'result_returned',
    ]);
    expect(snapshot).toEqual(
      snapshotIn('result_returned', { supplementCount: 2, supplementFrom: null, rated: true }),
    );
  });

  test('complete_step stops at the last step', () => {
    const first = decide(snapshotIn('in_progress'), 'complete_step', actors.specialist, {});
    const second = decide(first.snapshot, 'complete_step', actors.specialist, {});
    expect([first.snapshot.stepIndex, second.snapshot.stepIndex]).toEqual([1, 2]);
    expectInvalidTransition(
      () => decide(second.snapshot, 'complete_step', actors.specialist, {}),
      'last_step',
    );
  });

  test('a one-step workflow is at its last step as soon as it is assigned', () => {
    const assigned = decide(snapshotIn('received', { stepCount: 1 }), 'assign', actors.reception, {
      assigneeId: 'usr_officer',
    });
    expectInvalidTransition(
      () => decide(assigned.snapshot, 'complete_step', actors.specialist, {}),
      'last_step',
    );
    expect(decide(assigned.snapshot, 'submit_for_approval', actors.specialist, {}).snapshot.state).toBe(
      'awaiting_approval',
    );
  });

  test('submitting for approval before the last step is refused', () => {
    const atStep = snapshotIn('in_progress', { stepIndex: 1 });
    expectInvalidTransition(
      () => decide(atStep, 'submit_for_approval', actors.specialist, {}),
      'steps_remaining',
    );
  });

  test('a procedure without workflow steps cannot be assigned', () => {
    const noSteps = snapshotIn('received', { stepCount: 0 });
    expectInvalidTransition(
      () => decide(noSteps, 'assign', actors.reception, validInputs.assign),
      'no_steps',
    );
  });

  test('a dossier is rated once', () => {
    const rated = snapshotIn('result_returned', { rated: true });
    expectInvalidTransition(() => decide(rated, 'rate', actors.owner, { score: 3 }), 'already_rated');
  });

  test('the payment system records online payments only', () => {
    const act = () =>
      decide(snapshotIn('payment_requested'), 'record_payment', actors.system, {
        method: 'desk',
        reference: 'BL-1',
      });
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(
      expect.objectContaining({
        details: [{ path: 'method', message: 'The payment system records verified online payments only.' }],
      }),
    );
  });

  test('the desk records a payment made at the counter', () => {
    const { event } = decide(snapshotIn('payment_requested'), 'record_payment', actors.reception, {
      method: 'desk',
      reference: 'BL-1',
    });
    expect(event).toEqual({
      action: 'record_payment',
      from: 'payment_requested',
      to: 'in_progress',
      data: { method: 'desk', reference: 'BL-1' },
      clock: 'resume',
    });
  });
});
