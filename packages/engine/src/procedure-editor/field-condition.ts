// A field's show-when condition as the editor's two inputs write it: a field above this one and
// the value(s) it must have. Pure.
import { asRecord, type EditProblem, type FormInput, idOf, isTicked, textOf } from './draft.ts';

const yes = new Set(['true', 'có', 'yes']);
const no = new Set(['false', 'không', 'no']);

/** A written value as the condition compares it: tick boxes take true/false, numbers numbers. */
function typedValue(type: unknown, value: string): string | number | boolean | undefined {
  if (type === 'checkbox')
    return yes.has(value.toLowerCase()) ? true : no.has(value.toLowerCase()) ? false : undefined;
  if (type === 'number') return /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : undefined;
  if (type === 'file' || type === 'address') return undefined;
  return value;
}

/** Whether the editor's two inputs can show this condition (one field, equal to / one of / answered). */
export const isSimpleCondition = (condition: unknown) => typeof asRecord(condition).field === 'string';

/**
 * The show-when condition from the editor's inputs: a field above this one and the value(s) it
 * must have (several separated by commas; none means "is answered"). A combined condition the
 * inputs cannot show is kept while they are left empty, unless `condition-clear` is ticked.
 */
export function readCondition(input: FormInput, earlier: unknown[], existing: unknown) {
  const key = textOf(input, 'condition-field');
  const written = textOf(input, 'condition-value');
  const problems: EditProblem[] = [];
  if (isTicked(input, 'condition-clear')) return { problems };
  if (!key) {
    if (written)
      problems.push({ input: 'condition-field', code: 'required', message: 'Choose the field to test.' });
    const kept = existing !== undefined && !isSimpleCondition(existing) ? existing : undefined;
    return { showWhen: kept, problems };
  }
  const target = earlier.find((field) => idOf(field) === key);
  if (!target) {
    problems.push({
      input: 'condition-field',
      code: 'condition_field',
      message: `No field "${key}" above this one.`,
    });
    return { problems };
  }
  if (!written) return { showWhen: { field: key, notEmpty: true }, problems };
  const type = asRecord(target).type;
  const values = written
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => typedValue(type, value));
  if (!values.length || values.some((value) => value === undefined)) {
    problems.push({
      input: 'condition-value',
      code: 'condition_value',
      message: `Field "${key}" cannot have this value.`,
    });
    return { problems };
  }
  const [only] = values;
  return {
    showWhen: values.length === 1 ? { field: key, equals: only } : { field: key, in: values },
    problems,
  };
}
