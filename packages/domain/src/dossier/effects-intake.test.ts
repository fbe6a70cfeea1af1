// What the intake actions do to a dossier and which event they record, computed by hand.
import { describe, expect, test } from 'vitest';
import { actors, snapshotIn, supplementBeforeReceipt, validInputs } from '../../test/dossier-fixtures.ts';
import { type DossierDecision, decide } from './decide.ts';
import type { DossierAction, DossierActor } from './rules.ts';
import type { DossierSnapshot } from './states.ts';

const cases: {
  name: string;
  before: DossierSnapshot;
  action: DossierAction;
  actor: DossierActor;
  input: unknown;
  expected: DossierDecision;
}[] = [
  {
    name: 'submitting a draft',
    before: snapshotIn('draft'),
    action: 'submit',
    actor: actors.owner,
    input: undefined,
    expected: {
      snapshot: snapshotIn('submitted'),
      event: { action: 'submit', from: 'draft', to: 'submitted', data: {} },
    },
  },
  {
    name: 'receipt starts the clock',
    before: snapshotIn('submitted'),
    action: 'receive',
    actor: actors.reception,
    input: {},
    expected: {
      snapshot: snapshotIn('received'),
      event: { action: 'receive', from: 'submitted', to: 'received', data: {}, clock: 'start' },
    },
  },
  {
    name: 'a desk supplement request before receipt does not touch the clock',
    before: snapshotIn('submitted'),
    action: 'request_supplement',
    actor: actors.reception,
    input: { missing: [{ document: ' Sổ hộ khẩu ', reason: 'Missing.' }], note: 'Bring the original.' },
    expected: {
      snapshot: supplementBeforeReceipt,
      event: {
        action: 'request_supplement',
        from: 'submitted',
        to: 'supplement_requested',
        data: {
          missing: [{ document: 'Sổ hộ khẩu', reason: 'Missing.' }],
          note: 'Bring the original.',
          sequence: 1,
          countsAsLate: false,
        },
      },
    },
  },
  {
    name: 'the first request after receipt pauses the clock and is not late',
    before: snapshotIn('in_progress', { stepIndex: 1 }),
    action: 'request_supplement',
    actor: actors.specialist,
    input: validInputs.request_supplement,
    expected: {
      snapshot: snapshotIn('supplement_requested'),
      event: {
        action: 'request_supplement',
        from: 'in_progress',
        to: 'supplement_requested',
        data: { ...validInputs.request_supplement, sequence: 1, countsAsLate: false },
        clock: 'pause',
      },
    },
  },
  {
    name: 'a second request after receipt is flagged late',
    before: snapshotIn('in_progress', { stepIndex: 1, supplementCount: 1 }),
    action: 'request_supplement',
    actor: actors.otherSpecialist,
    input: validInputs.request_supplement,
    expected: {
      snapshot: snapshotIn('supplement_requested', { supplementCount: 2 }),
      event: {
        action: 'request_supplement',
        from: 'in_progress',
        to: 'supplement_requested',
        data: { ...validInputs.request_supplement, sequence: 2, countsAsLate: true },
        clock: 'pause',
      },
    },
  },
  {
    name: 'a second desk request before receipt is not flagged (the clock has not started)',
    before: snapshotIn('submitted', { supplementCount: 1 }),
    action: 'request_supplement',
    actor: actors.reception,
    input: validInputs.request_supplement,
    expected: {
      snapshot: { ...supplementBeforeReceipt, supplementCount: 2 },
      event: {
        action: 'request_supplement',
        from: 'submitted',
        to: 'supplement_requested',
        data: { ...validInputs.request_supplement, sequence: 2, countsAsLate: false },
      },
    },
  },
  {
    name: 'a supplement before receipt returns the dossier to the desk',
    before: supplementBeforeReceipt,
    action: 'supplement',
    actor: actors.owner,
    input: { answers: { address: 'Số 1 Lê Lợi' } },
    expected: {
      snapshot: snapshotIn('submitted', { supplementCount: 1 }),
      event: {
        action: 'supplement',
        from: 'supplement_requested',
        to: 'submitted',
        data: { answers: { address: 'Số 1 Lê Lợi' } },
      },
    },
  },
  {
    name: 'a supplement after receipt resumes processing at the same step',
    before: snapshotIn('supplement_requested'),
    action: 'supplement',
    actor: actors.owner,
    input: validInputs.supplement,
    expected: {
      snapshot: snapshotIn('in_progress', { stepIndex: 1, supplementCount: 1 }),
      event: {
        action: 'supplement',
        from: 'supplement_requested',
        to: 'in_progress',
        data: validInputs.supplement,
        clock: 'resume',
      },
    },
  },
  {
    name: 'assignment sets the assignee and the first step',
    before: snapshotIn('received'),
    action: 'assign',
    actor: actors.approver,
    input: { assigneeId: 'usr_officer2' },
    expected: {
      snapshot: snapshotIn('in_progress', { assigneeId: 'usr_officer2' }),
      event: {
        action: 'assign',
        from: 'received',
        to: 'in_progress',
        data: { assigneeId: 'usr_officer2', stepIndex: 0 },
      },
    },
  },
];

describe('decide: intake', () => {
  test.each(cases)('$name', ({ before, action, actor, input, expected }) => {
    expect(decide(before, action, actor, input)).toEqual(expected);
  });
});
