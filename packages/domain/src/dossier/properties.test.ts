// Properties over random life cycles and random (even inconsistent) dossiers.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { actors } from '../../test/dossier-fixtures.ts';
import { ForbiddenError, PreconditionFailedError } from '../errors.ts';
import { allowedActions, type DossierDecision, decide } from './decide.ts';
import { type DossierAction, type DossierActor, dossierActions } from './rules.ts';
import {
  type DossierSnapshot,
  dossierChannels,
  dossierStates,
  isClockRunning,
  isTerminal,
  nationalStatus,
} from './states.ts';

const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: Math.min(max, 40) }).filter((s) => s.trim().length > 0);
const key = (s: string) => s.trim().toLocaleLowerCase('vi');
const optional = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const references = fc.dictionary(fc.stringMatching(/^[a-z]{1,12}$/), fc.string(), { minKeys: 1, maxKeys: 3 });

/** One valid input for every action; which one is used depends on the action picked. */
const validInputs: fc.Arbitrary<Record<DossierAction, Record<string, unknown>>> = fc.record({
  submit: fc.constant({}),
  receive: fc.constant({}),
  refuse: fc.record({ reason: text(2000) }),
  request_supplement: fc.record({
    missing: fc.uniqueArray(fc.record({ document: text(500), reason: text(2000) }), {
      minLength: 1,
      maxLength: 4,
      selector: (item) => key(item.document),
    }),
  }),
  supplement: fc.oneof(fc.record({ documents: references }), fc.record({ answers: references })),
  assign: fc.record({ assigneeId: fc.constantFrom('usr_officer', 'usr_officer2', 'usr_nobody') }),
  complete_step: optional({ note: text(2000) }),
  request_payment: fc.record({ amount: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) }),
  record_payment: fc.record({ method: fc.constantFrom('desk', 'online'), reference: text(200) }),
  submit_for_approval: fc.constant({}),
  return_for_rework: fc.record({ reason: text(2000) }),
  approve: fc.constant({}),
  stop: fc.record({ reason: text(2000) }),
  issue_result: fc.record({
    resultDocuments: fc.uniqueArray(text(100), { minLength: 1, maxLength: 3, selector: key }),
  }),
  return_result: fc.record({ method: fc.constantFrom('online', 'desk', 'post') }),
  withdraw: optional({ reason: text(2000) }),
  apologise: fc.record({ newDueDate: day, reason: text(2000) }),
  rate: fc.record({ score: fc.integer({ min: 1, max: 5 }), comment: text(2000) }),
});

/** The system may only record online payments; every other input suits every actor. */
function inputFor(
  inputs: Record<DossierAction, Record<string, unknown>>,
  action: DossierAction,
  actor: DossierActor,
): Record<string, unknown> {
  const input = inputs[action];
  return action === 'record_payment' && actor.kind === 'system' ? { ...input, method: 'online' } : input;
}

const pool: DossierActor[] = Object.values(actors);

const anySnapshot: fc.Arbitrary<DossierSnapshot> = fc.record({
  state: fc.constantFrom(...dossierStates),
  ownerId: fc.constantFrom('cit_owner', 'cit_other'),
  assigneeId: fc.option(fc.constantFrom('usr_officer', 'usr_officer2', 'usr_desk')),
  stepIndex: fc.option(fc.nat(5)),
  stepCount: fc.nat(6),
  supplementCount: fc.nat(3),
  supplementFrom: fc.option(fc.constantFrom(...dossierStates)),
  received: fc.boolean(),
  rated: fc.boolean(),
  channel: fc.constantFrom(...dossierChannels),
});

const anyActor: fc.Arbitrary<DossierActor> = fc.oneof(
  fc.constantFrom(...pool),
  fc.record({
    kind: fc.constant('staff' as const),
    id: fc.constantFrom('usr_officer', 'usr_officer2', 'usr_desk', 'cit_owner'),
    permissions: fc.subarray([
      'dossiers.read',
      'dossiers.receive',
      'dossiers.process',
      'dossiers.approve',
      'dossiers.issue_result',
    ]),
  }),
);

/** Decides on a frozen copy, so any write to the input snapshot or input fails loudly. */
function decideFrozen(
  snapshot: DossierSnapshot,
  action: DossierAction,
  actor: DossierActor,
  input: Record<string, unknown>,
): DossierDecision {
  const before = structuredClone(snapshot);
  const inputBefore = structuredClone(input);
  const result = decide(Object.freeze(snapshot), action, actor, input);
  expect(snapshot).toEqual(before);
  expect(input).toEqual(inputBefore);
  return result;
}

const walk = fc.record({
  stepCount: fc.integer({ min: 1, max: 5 }),
  channel: fc.constantFrom(...dossierChannels),
  steps: fc.array(
    fc.record({
      action: fc.noBias(fc.nat()),
      actor: fc.noBias(fc.nat()),
      // Mostly avoid the actions that end a dossier early, so walks reach its later states.
      mayEnd: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      inputs: validInputs,
    }),
    { minLength: 30, maxLength: 80 },
  ),
});
const endsEarly: ReadonlySet<DossierAction> = new Set(['refuse', 'stop', 'withdraw']);

/** An action offered to someone, picked evenly among actions, then among the actors offered it. */
function pickMove(
  snapshot: DossierSnapshot,
  step: { action: number; actor: number; mayEnd: boolean },
): { action: DossierAction; actor: DossierActor } | null {
  const offers = pool.map((actor) => ({ actor, actions: allowedActions(snapshot, actor) }));
  const offered = dossierActions.filter((a) => offers.some((o) => o.actions.includes(a)));
  const continuing = offered.filter((a) => !endsEarly.has(a));
  const candidates = step.mayEnd || continuing.length === 0 ? offered : continuing;
  const action = candidates[step.action % Math.max(candidates.length, 1)];
  if (!action) return null;
  const takers = offers.filter((o) => o.actions.includes(action));
  return { action, actor: takers[step.actor % takers.length]!.actor };
}

describe('random life cycles from a draft', () => {
  test('stay within the states, project onto the national status, and move the clock consistently', () => {
    fc.assert(
      fc.property(walk, ({ stepCount, channel, steps }) => {
        let snapshot: DossierSnapshot = {
          state: 'draft',
          ownerId: 'cit_owner',
          assigneeId: null,
          stepIndex: null,
          stepCount,
          supplementCount: 0,
          supplementFrom: null,
          received: false,
          rated: false,
          channel,
        };
        for (const step of steps) {
          const choice = pickMove(snapshot, step);
          if (!choice) break;
          const { event, snapshot: next } = decideFrozen(
            { ...snapshot },
            choice.action,
            choice.actor,
            inputFor(step.inputs, choice.action, choice.actor),
          );
          expect(dossierStates).toContain(next.state);
          expect(nationalStatus(next.state)).not.toBeNull();
          expect([event.from, event.to]).toEqual([snapshot.state, next.state]);
          const wasRunning = isClockRunning(snapshot.state, snapshot.received);
          const runs = isClockRunning(next.state, next.received);
          if (wasRunning && !runs) expect(['pause', 'stop']).toContain(event.clock);
          if (!wasRunning && runs) expect(['start', 'resume']).toContain(event.clock);
          if (wasRunning === runs && event.clock !== 'stop') expect(event.clock).toBeUndefined();
          if (event.clock === 'stop') expect(snapshot.received).toBe(true);
          if (next.stepIndex !== null) expect(next.stepIndex).toBeLessThan(next.stepCount);
          snapshot = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('any dossier, any actor', () => {
  test('allowedActions offers an action exactly when decide accepts it', () => {
    fc.assert(
      fc.property(anySnapshot, anyActor, validInputs, (snapshot, actor, inputs) => {
        const offered = allowedActions(snapshot, actor);
        for (const action of dossierActions) {
          let error: unknown = null;
          try {
            decideFrozen({ ...snapshot }, action, actor, inputFor(inputs, action, actor));
          } catch (caught) {
            error = caught;
          }
          if (offered.includes(action)) {
            expect(error).toBeNull();
          } else {
            const refused =
              error instanceof ForbiddenError ||
              (error instanceof PreconditionFailedError && error.code === 'invalid_transition');
            expect(refused, `${action}: ${String(error)}`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  test('terminal states offer no state-changing action', () => {
    const terminal = anySnapshot.filter((s) => isTerminal(s.state));
    fc.assert(
      fc.property(terminal, anyActor, validInputs, (snapshot, actor, inputs) => {
        for (const action of allowedActions(snapshot, actor)) {
          const { event, snapshot: next } = decideFrozen(
            { ...snapshot },
            action,
            actor,
            inputFor(inputs, action, actor),
          );
          expect([event.to, next.state]).toEqual([snapshot.state, snapshot.state]);
        }
      }),
    );
  });
});
