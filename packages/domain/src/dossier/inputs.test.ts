// Bad input is refused field by field, through `decide` as the HTTP layer will call it.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { actors, type Role, snapshotIn } from '../../test/dossier-fixtures.ts';
import { ValidationError } from '../errors.ts';
import type { FieldProblem } from '../field-problem.ts';
import { decide } from './decide.ts';
import type { DossierAction } from './rules.ts';
import type { DossierState } from './states.ts';

// Where and by whom each action with input succeeds, so only the input can be wrong.
const where: Partial<Record<DossierAction, [DossierState, Role]>> = {
  refuse: ['submitted', 'reception'],
  request_supplement: ['in_progress', 'specialist'],
  supplement: ['supplement_requested', 'owner'],
  assign: ['received', 'reception'],
  complete_step: ['in_progress', 'specialist'],
  request_payment: ['in_progress', 'specialist'],
  record_payment: ['payment_requested', 'reception'],
  return_for_rework: ['awaiting_approval', 'approver'],
  stop: ['in_progress', 'approver'],
  issue_result: ['approved', 'clerk'],
  return_result: ['result_issued', 'reception'],
  withdraw: ['in_progress', 'owner'],
  apologise: ['in_progress', 'reception'],
  rate: ['result_returned', 'owner'],
};

function problemsOf(action: DossierAction, input: unknown): FieldProblem[] {
  const [state, role] = where[action]!;
  try {
    decide(snapshotIn(state), action, actors[role], input);
  } catch (error) {
    if (error instanceof ValidationError) {
      expect(error.code).toBe('invalid_input');
      return error.details as FieldProblem[];
    }
    throw error;
  }
  return [];
}

const long = (n: number) => 'x'.repeat(n);
const required = (path: string): FieldProblem => ({ path, message: 'Required.' });

const cases: [string, DossierAction, unknown, FieldProblem[]][] = [
  ['no reason', 'refuse', {}, [required('reason')]],
  ['a blank reason', 'refuse', { reason: ' \n\t ' }, [required('reason')]],
  [
    'a reason too long',
    'refuse',
    { reason: long(2001) },
    [{ path: 'reason', message: 'At most 2000 characters.' }],
  ],
  ['a reason that is not text', 'stop', { reason: 42 }, [{ path: 'reason', message: 'Must be text.' }]],
  ['no rework reason', 'return_for_rework', { reason: '' }, [required('reason')]],
  [
    'input that is not an object',
    'refuse',
    'wrong agency',
    [{ path: '', message: 'Invalid input: expected object, received string' }],
  ],
  ['no missing list', 'request_supplement', {}, [required('missing')]],
  [
    'an empty missing list',
    'request_supplement',
    { missing: [] },
    [{ path: 'missing', message: 'List at least one missing document.' }],
  ],
  [
    'incomplete missing entries',
    'request_supplement',
    { missing: [{ document: ' ', reason: 'Unreadable.' }, { document: 'CCCD' }] },
    [required('missing.0.document'), required('missing.1.reason')],
  ],
  [
    'the same document twice',
    'request_supplement',
    {
      missing: [
        { document: 'Bản sao CCCD', reason: 'a' },
        { document: 'Giấy khai sinh', reason: 'b' },
        { document: ' bản sao cccd ', reason: 'c' },
      ],
    },
    [{ path: 'missing.2.document', message: 'Listed twice.' }],
  ],
  [
    'a note too long',
    'request_supplement',
    { missing: [{ document: 'A', reason: 'B' }], note: long(2001) },
    [{ path: 'note', message: 'At most 2000 characters.' }],
  ],
  [
    'nothing supplemented',
    'supplement',
    {},
    [{ path: 'documents', message: 'Give the missing documents or answers.' }],
  ],
  [
    'empty references',
    'supplement',
    { documents: {}, answers: {} },
    [{ path: 'documents', message: 'Give the missing documents or answers.' }],
  ],
  [
    'documents not an object',
    'supplement',
    { documents: 'file_1' },
    [{ path: 'documents', message: 'Must be an object.' }],
  ],
  ['no assignee', 'assign', { assigneeId: '' }, [required('assigneeId')]],
  [
    'a step note too long',
    'complete_step',
    { note: long(2001) },
    [{ path: 'note', message: 'At most 2000 characters.' }],
  ],
  ['a zero amount', 'request_payment', { amount: 0 }, [{ path: 'amount', message: 'Must be more than 0.' }]],
  [
    'a negative amount',
    'request_payment',
    { amount: -5000 },
    [{ path: 'amount', message: 'Must be more than 0.' }],
  ],
  [
    'a fractional amount',
    'request_payment',
    { amount: 1500.5 },
    [{ path: 'amount', message: 'A whole number of đồng.' }],
  ],
  [
    'an amount as text',
    'request_payment',
    { amount: '5000' },
    [{ path: 'amount', message: 'A whole number of đồng.' }],
  ],
  ['no amount', 'request_payment', {}, [{ path: 'amount', message: 'A whole number of đồng.' }]],
  [
    'no payment details',
    'record_payment',
    {},
    [{ path: 'method', message: 'Choose desk or online.' }, required('reference')],
  ],
  [
    'an unknown payment method',
    'record_payment',
    { method: 'cash', reference: 'BL-1' },
    [{ path: 'method', message: 'Choose desk or online.' }],
  ],
  ['no result document', 'issue_result', {}, [required('resultDocuments')]],
  [
    'an empty result list',
    'issue_result',
    { resultDocuments: [] },
    [{ path: 'resultDocuments', message: 'Attach at least one result document.' }],
  ],
  [
    'a blank and a repeated result document',
    'issue_result',
    { resultDocuments: ['doc_1', '', 'doc_1'] },
    [required('resultDocuments.1'), { path: 'resultDocuments.2', message: 'Listed twice.' }],
  ],
  [
    'an unknown return method',
    'return_result',
    { method: 'email' },
    [{ path: 'method', message: 'Choose online, desk or post.' }],
  ],
  [
    'a withdrawal reason that is not text',
    'withdraw',
    { reason: ['x'] },
    [{ path: 'reason', message: 'Must be text.' }],
  ],
  [
    'an impossible due date and no reason',
    'apologise',
    { newDueDate: '2025-02-29' },
    [{ path: 'newDueDate', message: 'A date as YYYY-MM-DD.' }, required('reason')],
  ],
  [
    'a due date in the Vietnamese order',
    'apologise',
    { newDueDate: '15/08/2025', reason: 'Late.' },
    [{ path: 'newDueDate', message: 'A date as YYYY-MM-DD.' }],
  ],
  ['a score of 0', 'rate', { score: 0 }, [{ path: 'score', message: 'At least 1.' }]],
  ['a score of 6', 'rate', { score: 6 }, [{ path: 'score', message: 'At most 5.' }]],
  ['a half score', 'rate', { score: 4.5 }, [{ path: 'score', message: 'A whole number from 1 to 5.' }]],
  ['no score', 'rate', { comment: 'Fine.' }, [{ path: 'score', message: 'A whole number from 1 to 5.' }]],
];

describe('input validation', () => {
  test.each(cases)('%s (%s)', (_name, action, input, expected) => {
    expect(problemsOf(action, input)).toEqual(expected);
  });

  test('a leap day is a valid new due date', () => {
    expect(problemsOf('apologise', { newDueDate: '2028-02-29', reason: 'Late.' })).toEqual([]);
  });

  test('actions without input accept none, and drop what they do not know', () => {
    const { event } = decide(snapshotIn('draft'), 'submit', actors.owner, { injected: true });
    expect(event.data).toEqual({});
    expect(decide(snapshotIn('draft'), 'submit', actors.owner, null).event.data).toEqual({});
  });

  test('a reason is accepted exactly when, trimmed, it has 1 to 2000 characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2100 }), fc.stringMatching(/^\s*x?\s*$/)), (reason) => {
        const trimmed = reason.trim();
        const problems = problemsOf('refuse', { reason });
        expect(problems.length === 0).toBe(trimmed.length >= 1 && trimmed.length <= 2000);
      }),
    );
  });

  test('an amount is accepted exactly when it is a positive safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(Number)), (amount) => {
        const accepted = Number.isSafeInteger(amount) && amount > 0;
        expect(problemsOf('request_payment', { amount }).length === 0).toBe(accepted);
      }),
    );
  });
});
