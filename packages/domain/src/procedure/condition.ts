// Show-when conditions: the one small language a procedure uses to hide fields, documents and
// fees. Kept deliberately tiny (no arithmetic, no regexes) so that agency staff can read it and
// the same document evaluates identically in the browser and on the server.
import { z } from 'zod';

export type ConditionValue = string | number | boolean;

export type Condition =
  | { field: string; equals: ConditionValue }
  | { field: string; in: ConditionValue[] }
  | { field: string; notEmpty: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Conditions deeper than this are unreadable for the staff who maintain a procedure. */
export const MAX_CONDITION_DEPTH = 6;

const conditionValue = z.union([z.string().max(200), z.number(), z.boolean()]);
const fieldRef = z.string().min(1).max(64);

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldRef, equals: conditionValue }),
    z.strictObject({ field: fieldRef, in: z.array(conditionValue).min(1).max(100) }),
    z.strictObject({ field: fieldRef, notEmpty: z.literal(true) }),
    z.strictObject({ all: z.array(condition).min(1).max(20) }),
    z.strictObject({ any: z.array(condition).min(1).max(20) }),
    z.strictObject({ not: condition }),
  ]),
);

/** A leaf test on one field, with the field it reads; used by the schema to check references. */
export type ConditionLeaf = Extract<Condition, { field: string }>;

export function listConditionLeaves(cond: Condition): ConditionLeaf[] {
  if ('all' in cond) return cond.all.flatMap(listConditionLeaves);
  if ('any' in cond) return cond.any.flatMap(listConditionLeaves);
  if ('not' in cond) return listConditionLeaves(cond.not);
  return [cond];
}

export function measureConditionDepth(cond: Condition): number {
  if ('all' in cond) return 1 + Math.max(...cond.all.map(measureConditionDepth));
  if ('any' in cond) return 1 + Math.max(...cond.any.map(measureConditionDepth));
  if ('not' in cond) return 1 + measureConditionDepth(cond.not);
  return 1;
}

/**
 * Whether a value counts as answered. An unticked checkbox is "empty": `notEmpty` on a checkbox
 * then reads as "is ticked", which is what authors mean by it.
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Evaluates a condition against already-normalised field values (`read` returns undefined for a
 * field with no usable answer). Equality is strict: values are normalised before they get here,
 * so the number 3 and the string '3' never meet.
 *
 * A test on a field the citizen cannot see (`isShown` false) is neither true nor false but
 * unknown, and stays unknown under `not` (Kleene's three-valued logic): nothing may depend on a
 * stale answer to a hidden question, yet `any` can still be met through a branch that is shown.
 * Only a condition that is known to hold counts as holding.
 */
export function evaluateCondition(
  cond: Condition,
  read: (fieldId: string) => unknown,
  isShown: (fieldId: string) => boolean = () => true,
): boolean {
  return evaluateKnown(cond, read, isShown) === true;
}

function evaluateKnown(
  cond: Condition,
  read: (fieldId: string) => unknown,
  isShown: (fieldId: string) => boolean,
): boolean | undefined {
  if ('all' in cond || 'any' in cond) {
    const parts = 'all' in cond ? cond.all : cond.any;
    const decisive = 'any' in cond;
    let unknown = false;
    for (const part of parts) {
      const result = evaluateKnown(part, read, isShown);
      if (result === decisive) return decisive;
      if (result === undefined) unknown = true;
    }
    return unknown ? undefined : !decisive;
  }
  if ('not' in cond) {
    const inner = evaluateKnown(cond.not, read, isShown);
    return inner === undefined ? undefined : !inner;
  }
  if (!isShown(cond.field)) return undefined;
  const value = read(cond.field);
  if ('equals' in cond) return value === cond.equals;
  if ('in' in cond) return cond.in.some((candidate) => candidate === value);
  return isAnswered(value);
}
