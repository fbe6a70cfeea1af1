import { describe, expect, it } from 'vitest';
import { type Condition, evaluateCondition } from './condition.ts';

const values: Record<string, unknown> = {
  kind: 'a',
  count: 3,
  agreed: true,
  declined: false,
  note: '  ',
  files: [],
};
const read = (id: string) => values[id];
const isShown = (id: string) => id !== 'secret';

describe('evaluateCondition', () => {
  it.each<[string, Condition, boolean]>([
    ['equals text', { field: 'kind', equals: 'a' }, true],
    ['equals is strict about types', { field: 'count', equals: '3' }, false],
    ['in', { field: 'count', in: [1, 2, 3] }, true],
    ['in, missing', { field: 'count', in: [4] }, false],
    ['notEmpty on a value', { field: 'kind', notEmpty: true }, true],
    ['notEmpty on blank text', { field: 'note', notEmpty: true }, false],
    ['notEmpty on no uploads', { field: 'files', notEmpty: true }, false],
    ['notEmpty on an unticked box', { field: 'declined', notEmpty: true }, false],
    ['notEmpty on a ticked box', { field: 'agreed', notEmpty: true }, true],
    ['notEmpty on no answer', { field: 'absent', notEmpty: true }, false],
    [
      'all',
      {
        all: [
          { field: 'kind', equals: 'a' },
          { field: 'agreed', equals: true },
        ],
      },
      true,
    ],
    [
      'all with one false',
      {
        all: [
          { field: 'kind', equals: 'a' },
          { field: 'agreed', equals: false },
        ],
      },
      false,
    ],
    [
      'any',
      {
        any: [
          { field: 'kind', equals: 'b' },
          { field: 'count', equals: 3 },
        ],
      },
      true,
    ],
    ['not', { not: { field: 'kind', equals: 'b' } }, true],
    // A hidden field makes its test unknown; unknown never holds, not even negated.
    ['a hidden field', { field: 'secret', notEmpty: true }, false],
    ['not of a hidden field', { not: { field: 'secret', equals: 'x' } }, false],
    [
      'any with a hidden branch and a true one',
      {
        any: [
          { field: 'secret', equals: 'x' },
          { field: 'kind', equals: 'a' },
        ],
      },
      true,
    ],
    [
      'any with a hidden branch and a false one',
      {
        any: [
          { field: 'secret', equals: 'x' },
          { field: 'kind', equals: 'b' },
        ],
      },
      false,
    ],
    [
      'not of that any stays unknown',
      {
        not: {
          any: [
            { field: 'secret', equals: 'x' },
            { field: 'kind', equals: 'b' },
          ],
        },
      },
      false,
    ],
    [
      'all with a hidden branch and a false one is false',
      {
        not: {
          all: [
            { field: 'secret', equals: 'x' },
            { field: 'kind', equals: 'b' },
          ],
        },
      },
      true,
    ],
  ])('%s', (_, cond, expected) => {
    expect(evaluateCondition(cond, read, isShown)).toBe(expected);
  });
});
