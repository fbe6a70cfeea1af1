import { describe, expect, test } from 'vitest';
import {
  channelCode,
  type DossierChannel,
  type DossierState,
  dossierStates,
  isClockRunning,
  isTerminal,
  type NationalStatus,
  nationalStatus,
} from './states.ts';

// [state, national portal status, clock runs once received, terminal]
const table: [DossierState, NationalStatus | null, boolean, boolean][] = [
  ['draft', null, false, false],
  ['submitted', 1, false, false],
  ['received', 2, true, false],
  ['refused', 3, false, true],
  ['in_progress', 4, true, false],
  ['awaiting_approval', 4, true, false],
  ['approved', 4, true, false],
  ['supplement_requested', 5, false, false],
  ['payment_requested', 6, false, false],
  ['withdrawn', 7, false, true],
  ['stopped', 8, false, true],
  ['result_issued', 9, false, false],
  ['result_returned', 10, false, true],
];

describe('state facts', () => {
  test('the table covers every state once', () => {
    expect(table.map(([state]) => state).sort()).toEqual([...dossierStates].sort());
  });

  test.each(table)('%s → national status %s, clock %s, terminal %s', (state, status, clock, terminal) => {
    expect(nationalStatus(state)).toBe(status);
    expect(isClockRunning(state, true)).toBe(clock);
    expect(isTerminal(state)).toBe(terminal);
  });

  test.each(dossierStates)('the clock never runs in %s before receipt', (state) => {
    expect(isClockRunning(state, false)).toBe(false);
  });
});

describe('channelCode', () => {
  test.each([
    ['in_person', 1],
    ['online', 2],
    ['post', 3],
  ] as [DossierChannel, number][])('%s → %i', (channel, code) => {
    expect(channelCode(channel)).toBe(code);
  });
});
