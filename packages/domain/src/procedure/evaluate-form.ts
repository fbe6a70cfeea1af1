// The form evaluator: the same rules decide which fields a page shows and whether the answers
// submitted to the server are acceptable, so the browser and the server cannot disagree.
import { ValidationError } from '../errors.ts';
import { type Condition, evaluateCondition } from './condition.ts';
import { type Form, type FormField, isRealDate } from './form-field.ts';
import type { LocalizedText } from './localized-text.ts';
import { describeRequired } from './messages.ts';
import type { ProcedureVersion, RequiredDocument } from './procedure-version.ts';
import { checkAnswerLimits, readAnswer } from './read-answer.ts';

export type Answers = Record<string, unknown>;
export type AnswerError = { field: string; code: string; message: LocalizedText };
export type ValidationResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: AnswerError[] };

/** An answer that is there but unreadable: it counts for `notEmpty` and equals nothing. */
const UNREADABLE = Symbol('unreadable answer');

type Visibility = {
  visible: FormField[];
  /** Whether a condition holds, reading only fields that are shown (see evaluateCondition). */
  holds: (cond: Condition | undefined) => boolean;
};

function resolveVisibility(form: Form, answers: Answers): Visibility {
  const shown = new Map<string, unknown>();
  const read = (id: string) => shown.get(id);
  const isShown = (id: string) => shown.has(id);
  const holds = (cond: Condition | undefined) => !cond || evaluateCondition(cond, read, isShown);
  const visible: FormField[] = [];
  for (const field of form.fields) {
    // Conditions only look upwards (the schema enforces it), so one pass in form order suffices.
    if (!holds(field.showWhen)) continue;
    visible.push(field);
    shown.set(field.id, readForCondition(field, answerTo(answers, field.id)));
  }
  return { visible, holds };
}

/** Own answers only: a field called `constructor` must not read Object.prototype's. */
const answerTo = (answers: Answers, id: string): unknown =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

function readForCondition(field: FormField, raw: unknown): unknown {
  const read = readAnswer(field, raw);
  if (read.kind === 'value') return read.value;
  if (read.kind === 'invalid') return UNREADABLE;
  return field.type === 'checkbox' ? false : undefined;
}

/** The fields a page shows for these answers, in form order. */
export function visibleFields(form: Form, answers: Answers): FormField[] {
  return resolveVisibility(form, answers).visible;
}

/**
 * Checks every shown field and reports all problems at once, in form order. Answers to hidden
 * fields are dropped and never checked; answers to fields the form does not have are ignored.
 */
export function validateAnswers(
  version: ProcedureVersion,
  answers: Answers,
  options: { today: string },
): ValidationResult {
  if (!isRealDate(options.today)) {
    throw new ValidationError(
      'today must be a date like 2025-07-01',
      { today: options.today },
      'invalid_today',
    );
  }
  const errors: AnswerError[] = [];
  const values: Record<string, unknown> = {};
  for (const field of visibleFields(version.form, answers)) {
    const read = readAnswer(field, answerTo(answers, field.id));
    if (read.kind === 'invalid') {
      errors.push({ field: field.id, ...read.problem });
    } else if (read.kind === 'empty') {
      if (field.required) errors.push({ field: field.id, ...describeRequired(field) });
      else if (field.type === 'checkbox') values[field.id] = false;
    } else {
      const problem = checkAnswerLimits(field, read.value, options.today);
      if (problem) errors.push({ field: field.id, ...problem });
      else values[field.id] = read.value;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** The papers this applicant must provide, given their answers. */
export function requiredDocuments(version: ProcedureVersion, answers: Answers): RequiredDocument[] {
  return selectApplicable(version.form, answers, version.documents);
}

/**
 * The items (fees, documents) whose `showWhen` holds for these answers or validated values, by
 * the same rule the form uses for its fields.
 */
export function selectApplicable<T extends { showWhen?: Condition | undefined }>(
  form: Form,
  answers: Answers,
  items: readonly T[],
): T[] {
  const { holds } = resolveVisibility(form, answers);
  return items.filter((item) => holds(item.showWhen));
}
