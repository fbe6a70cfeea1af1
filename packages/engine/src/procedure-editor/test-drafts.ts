// Shared by this folder's tests: a finished draft, and what an edit refused, input by input.
import { ValidationError } from '@motcua/domain';
import { expect } from 'vitest';
import { testProcedure } from '../testing.ts';
import type { ProcedureDraft } from './draft.ts';

/** A draft that publishes as it is (the engine's test procedure), deep-copied for each test. */
export const finishedDraft = (): ProcedureDraft => structuredClone(testProcedure) as ProcedureDraft;

/** The problems `edit` was refused with, as `input: code`; fails the test if it was not refused. */
export function refusal(edit: () => unknown): string[] {
  try {
    edit();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return ((error as ValidationError).details ?? []).map((p) => `${p.path}: ${p.code}`);
  }
  expect.fail('the edit was accepted');
}

export const fieldIds = (draft: ProcedureDraft) =>
  ((draft.form as { fields: { id: string }[] }).fields ?? []).map((field) => field.id);

/**
 * A seeded pseudo-random source (mulberry32) for this folder's property tests: fast-check is not
 * a dependency of the engine package, and a fixed seed keeps a failure reproducible.
 */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const text = (alphabet: string, min: number, max: number) =>
    Array.from({ length: min + int(max - min + 1) }, () => pick([...alphabet])).join('');
  return { int, pick, text };
}

/** Every sequence of `length` items drawn from `items`, in order. */
export function* sequences<T>(items: readonly T[], length: number): Generator<T[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const rest of sequences(items, length - 1)) for (const item of items) yield [...rest, item];
}
