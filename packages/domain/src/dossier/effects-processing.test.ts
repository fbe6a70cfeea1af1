// What the processing and closing actions do to a dossier and which event they record, computed by hand.
import { describe, expect, test } from 'vitest';
import { actors, snapshotIn } from '../../test/dossier-fixtures.ts';
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
    name: 'completing a step moves to the next',
    before: snapshotIn('in_progress', { stepIndex: 1 }),
    action: 'complete_step',
    actor: actors.specialist,
    input: { note: 'Site visited.' },
    expected: {
      snapshot: snapshotIn('in_progress', { stepIndex: 2 }),
      event: {
        action: 'complete_step',
        from: 'in_progress',
        to: 'in_progress',
        data: { note: 'Site visited.', fromStep: 1, toStep: 2 },
      },
    },
  },
  {
    name: 'a payment request pauses the clock',
    before: snapshotIn('in_progress', { stepIndex: 1 }),
    action: 'request_payment',
    actor: actors.reception,
    input: { amount: 1_200_000 },
    expected: {
      snapshot: snapshotIn('payment_requested'),
      event: {
        action: 'request_payment',
        from: 'in_progress',
        to: 'payment_requested',
        data: { amount: 1_200_000 },
        clock: 'pause',
      },
    },
  },
  {
    name: 'a verified online payment resumes the clock',
    before: snapshotIn('payment_requested'),
    action: 'record_payment',
    actor: actors.system,
    input: { method: 'online', reference: 'VNPAY-123' },
    expected: {
      snapshot: snapshotIn('in_progress', { stepIndex: 1 }),
      event: {
        action: 'record_payment',
        from: 'payment_requested',
        to: 'in_progress',
        data: { method: 'online', reference: 'VNPAY-123' },
        clock: 'resume',
      },
    },
  },
  {
    name: 'submitting for approval from the last step',
    before: snapshotIn('in_progress', { stepIndex: 2 }),
    action: 'submit_for_approval',
    actor: actors.specialist,
    input: {},
    expected: {
      snapshot: snapshotIn('awaiting_approval'),
      event: { action: 'submit_for_approval', from: 'in_progress', to: 'awaiting_approval', data: {} },
    },
  },
  {
    name: 'rework returns to processing at the last step',
    before: snapshotIn('awaiting_approval'),
    action: 'return_for_rework',
    actor: actors.approver,
    input: { reason: 'Check the area.' },
    expected: {
      snapshot: snapshotIn('in_progress', { stepIndex: 2 }),
      event: {
        action: 'return_for_rework',
        from: 'awaiting_approval',
        to: 'in_progress',
        data: { reason: 'Check the area.' },
      },
    },
  },
  {
    name: 'stopping ends the clock',
    before: snapshotIn('payment_requested'),
    action: 'stop',
    actor: actors.approver,
    input: { reason: 'Fee not paid within 30 days.' },
    expected: {
      snapshot: snapshotIn('stopped', { stepIndex: 1 }),
      event: {
        action: 'stop',
        from: 'payment_requested',
        to: 'stopped',
        data: { reason: 'Fee not paid within 30 days.' },
        clock: 'stop',
      },
    },
  },
  {
    name: 'issuing the result ends the clock',
    before: snapshotIn('approved'),
    action: 'issue_result',
    actor: actors.clerk,
    input: { resultDocuments: ['doc_1', 'doc_2'] },
    expected: {
      snapshot: snapshotIn('result_issued'),
      event: {
        action: 'issue_result',
        from: 'approved',
        to: 'result_issued',
        data: { resultDocuments: ['doc_1', 'doc_2'] },
        clock: 'stop',
      },
    },
  },
  {
    name: 'returning the result',
    before: snapshotIn('result_issued'),
    action: 'return_result',
    actor: actors.reception,
    input: { method: 'post' },
    expected: {
      snapshot: snapshotIn('result_returned'),
      event: {
        action: 'return_result',
        from: 'result_issued',
        to: 'result_returned',
        data: { method: 'post' },
      },
    },
  },
  {
    name: 'withdrawing before receipt: no clock to stop',
    before: snapshotIn('submitted'),
    action: 'withdraw',
    actor: actors.owner,
    input: { reason: 'Filed at the wrong commune.' },
    expected: {
      snapshot: snapshotIn('submitted', { state: 'withdrawn' }),
      event: {
        action: 'withdraw',
        from: 'submitted',
        to: 'withdrawn',
        data: { reason: 'Filed at the wrong commune.' },
      },
    },
  },
  {
    name: 'withdrawing while a supplement is awaited stops the clock and forgets the return point',
    before: snapshotIn('supplement_requested'),
    action: 'withdraw',
    actor: actors.owner,
    input: {},
    expected: {
      snapshot: snapshotIn('withdrawn', { stepIndex: 1, supplementCount: 1 }),
      event: { action: 'withdraw', from: 'supplement_requested', to: 'withdrawn', data: {}, clock: 'stop' },
    },
  },
  {
    name: 'an apology changes nothing but is recorded',
    before: snapshotIn('awaiting_approval'),
    action: 'apologise',
    actor: actors.specialist,
    input: { newDueDate: '2026-02-24', reason: 'Tết closure.' },
    expected: {
      snapshot: snapshotIn('awaiting_approval'),
      event: {
        action: 'apologise',
        from: 'awaiting_approval',
        to: 'awaiting_approval',
        data: { newDueDate: '2026-02-24', reason: 'Tết closure.' },
      },
    },
  },
  {
    name: 'rating records the score once',
    before: snapshotIn('result_returned'),
    action: 'rate',
    actor: actors.owner,
    input: { score: 4, comment: 'Quick.', extra: 'dropped' },
    expected: {
      snapshot: snapshotIn('result_returned', { rated: true }),
      event: {
        action: 'rate',
        from: 'result_returned',
        to: 'result_returned',
        data: { score: 4, comment: 'Quick.' },
      },
    },
  },
];

describe('decide: processing and closing', () => {
  test.each(cases)('$name', ({ before, action, actor, input, expected }) => {
    expect(decide(before, action, actor, input)).toEqual(expected);
  });
});
