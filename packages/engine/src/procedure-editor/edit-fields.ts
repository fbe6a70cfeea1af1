// The form's fields: add, change, remove and reorder them, and their show-when condition, each
// edit checked by the domain's own rules (field limits, conditions that only read earlier fields,
// file fields naming a listed document) before it is kept. Pure.
import { type FieldType, formField, NotFoundError } from '@motcua/domain';
import {
  asRecord,
  checkAgainstVersion,
  checkPart,
  codeOfIssue,
  conditionFields,
  draftFields,
  type EditProblem,
  type FormInput,
  idOf,
  isTicked,
  type ProcedureDraft,
  problemsUnder,
  refuse,
  slugifyId,
  textOf,
  uniqueId,
} from './draft.ts';
import { readCondition } from './field-condition.ts';

/** The field types an author can choose, in the domain's order. */
export const fieldTypes: readonly FieldType[] = formField.options.map((option) => option.shape.type.value);

const isFieldType = (type: string): type is FieldType => (fieldTypes as readonly string[]).includes(type);
const choiceTypes: ReadonlySet<string> = new Set(['select', 'radio']);
/** What the editor sets; anything else on a field (lengths, bounds, a pattern) is kept while the type stays. */
const editedKeys = new Set(['id', 'type', 'label', 'help', 'required', 'showWhen', 'options', 'document']);

const withFields = (draft: ProcedureDraft, fields: unknown[]): ProcedureDraft => ({
  ...draft,
  form: { ...asRecord(draft.form), fields },
});

function indexOfField(draft: ProcedureDraft, key: string): number {
  const index = draftFields(draft).findIndex((field) => idOf(field) === key);
  if (index < 0) throw new NotFoundError('The form has no field with this key.');
  return index;
}

/** "value | Vietnamese label | English label" per line; with two parts the value is made from the Vietnamese label. */
export function readOptions(text: string): { options: unknown[]; problems: EditProblem[] } {
  const options: unknown[] = [];
  const problems: EditProblem[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  lines.forEach((line, n) => {
    const parts = line.split('|').map((part) => part.trim());
    const [first = '', second = '', third = ''] = parts;
    if (parts.length === 3) options.push({ value: first, label: { vi: second, en: third } });
    else if (parts.length === 2)
      options.push({ value: slugifyId(first, 'option'), label: { vi: first, en: second } });
    else {
      problems.push({
        input: 'options',
        code: 'invalid',
        message: `Line ${n + 1}: write "value | Vietnamese label | English label".`,
      });
    }
  });
  return { options, problems };
}

/** The options as the editor's text box shows them. */
export function writeOptions(options: unknown): string {
  return (Array.isArray(options) ? options : [])
    .map((option) => {
      const { value, label } = asRecord(option);
      const { vi, en } = asRecord(label);
      return `${String(value ?? '')} | ${String(vi ?? '')} | ${String(en ?? '')}`;
    })
    .join('\n');
}

const inputOfFieldPath = (path: readonly PropertyKey[]): string => {
  const [head, sub] = path;
  switch (head) {
    case 'id':
      return 'field-key';
    case 'label':
    case 'help':
      return `${head}-${sub === 'en' ? 'en' : 'vi'}`;
    case 'required':
      return 'required';
    case 'options':
      return 'options';
    case 'document':
      return 'field-document';
    case 'showWhen':
      return 'condition-value';
    default:
      return 'field-type';
  }
};

const conditionCodes = new Set(['condition_field', 'condition_value']);

/** Condition problems anywhere in the draft, by their words: what an edit must not add to. */
function brokenConditions(draft: ProcedureDraft): Set<string> {
  return new Set(
    checkAgainstVersion(draft, [])
      .filter((issue) => conditionCodes.has(codeOfIssue(issue)))
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  );
}

/** Condition problems `after` has that `before` had not, but for those of the edited item itself. */
function newlyBroken(before: ProcedureDraft, after: ProcedureDraft, skip: string): string[] {
  const was = brokenConditions(before);
  return [...brokenConditions(after)].filter((problem) => !was.has(problem) && !problem.startsWith(skip));
}

/** The field the editor's inputs describe, at `index` of the form, replacing `existing` if any. */
function buildField(draft: ProcedureDraft, input: FormInput, index: number, existing?: unknown) {
  const fields = draftFields(draft);
  const before = asRecord(existing);
  const type = textOf(input, 'field-type');
  const label = { vi: textOf(input, 'label-vi'), en: textOf(input, 'label-en') };
  const help = { vi: textOf(input, 'help-vi'), en: textOf(input, 'help-en') };
  const others = new Set(fields.filter((_, i) => i !== index).flatMap((f) => idOf(f) ?? []));
  const written = textOf(input, 'field-key');
  const key = written || idOf(existing) || uniqueId(slugifyId(label.vi, 'field'), others);
  const problems: EditProblem[] = [];
  if (!isFieldType(type)) {
    problems.push({
      input: 'field-type',
      code: type ? 'invalid' : 'required',
      message: 'Choose a field type.',
    });
  }
  const field: Record<string, unknown> = { id: key, type: isFieldType(type) ? type : 'text', label };
  if (before.type === type) {
    for (const [name, value] of Object.entries(before)) if (!editedKeys.has(name)) field[name] = value;
  }
  if (help.vi || help.en) field.help = help;
  field.required = isTicked(input, 'required');
  if (choiceTypes.has(type)) {
    const read = readOptions(textOf(input, 'options'));
    problems.push(...read.problems);
    field.options = read.options;
  }
  if (type === 'file') field.document = textOf(input, 'field-document');
  const condition = readCondition(input, fields.slice(0, index), before.showWhen);
  problems.push(...condition.problems);
  if (condition.showWhen !== undefined) field.showWhen = condition.showWhen;
  const checked = checkPart(formField, field, inputOfFieldPath);
  const reported = new Set(problems.map((p) => p.input));
  problems.push(
    ...checked.problems.filter(
      (p) => !reported.has(p.input) && (written || p.input !== 'field-key' || !label.vi),
    ),
  );
  if (others.has(key)) {
    problems.push({
      input: 'field-key',
      code: 'duplicate',
      message: `Another field already has the key "${key}".`,
    });
  }
  return { field, problems, renamed: existing !== undefined && key !== idOf(existing) };
}

function placeField(
  draft: ProcedureDraft,
  input: FormInput,
  index: number,
  existing?: unknown,
): ProcedureDraft {
  const fields = draftFields(draft);
  const built = buildField(draft, input, index, existing);
  if (built.problems.length) refuse(built.problems);
  const next = withFields(draft, fields.toSpliced(index, existing === undefined ? 0 : 1, built.field));
  const problems = problemsUnder(next, ['form', 'fields', index], inputOfFieldPath).filter(
    (p) => !(p.input === 'field-key' && p.code === 'duplicate'),
  );
  const blame = built.renamed
    ? 'field-key'
    : choiceTypes.has(String(built.field.type))
      ? 'options'
      : 'field-type';
  for (const message of newlyBroken(draft, next, `form.fields.${index}.`)) {
    problems.push({ input: blame, code: 'referenced', message });
  }
  if (problems.length) refuse(problems);
  return next;
}

/** A new field at the end of the form. */
export function addField(draft: ProcedureDraft, input: FormInput): ProcedureDraft {
  return placeField(draft, input, draftFields(draft).length);
}

/** The field `key` as the editor's inputs now describe it (its key may change if nothing reads it). */
export function updateField(draft: ProcedureDraft, key: string, input: FormInput): ProcedureDraft {
  const index = indexOfField(draft, key);
  return placeField(draft, input, index, draftFields(draft)[index]);
}

/** Only the field's show-when condition, from the `condition-…` inputs. */
export function setFieldCondition(draft: ProcedureDraft, key: string, input: FormInput): ProcedureDraft {
  const index = indexOfField(draft, key);
  const fields = draftFields(draft);
  const field = asRecord(fields[index]);
  const condition = readCondition(input, fields.slice(0, index), field.showWhen);
  if (condition.problems.length) refuse(condition.problems);
  const { showWhen: _old, ...rest } = field;
  const changed = condition.showWhen === undefined ? rest : { ...rest, showWhen: condition.showWhen };
  const next = withFields(draft, fields.with(index, changed));
  const problems = problemsUnder(next, ['form', 'fields', index, 'showWhen'], () => 'condition-value');
  if (problems.length) refuse(problems);
  return next;
}

/** What reads field `key`: other fields', fees' and documents' conditions. */
export function usersOfField(draft: ProcedureDraft, key: string): string[] {
  const readers = (items: unknown[], what: string) =>
    items
      .filter((item) => conditionFields(asRecord(item).showWhen).includes(key))
      .map((item) => `${what} "${idOf(item) ?? '?'}"`);
  return [
    ...readers(draftFields(draft), 'field'),
    ...readers(Array.isArray(draft.fees) ? draft.fees : [], 'fee'),
    ...readers(Array.isArray(draft.documents) ? draft.documents : [], 'document'),
  ];
}

/** Removes a field nothing depends on. */
export function removeField(draft: ProcedureDraft, key: string): ProcedureDraft {
  const index = indexOfField(draft, key);
  const users = usersOfField(draft, key);
  if (users.length) {
    refuse([
      { input: 'remove', code: 'referenced', message: `Used by the condition of ${users.join(', ')}.` },
    ]);
  }
  return withFields(draft, draftFields(draft).toSpliced(index, 1));
}

/** One place up or down, unless the field that goes up reads the one it passes. */
export function moveField(draft: ProcedureDraft, key: string, direction: 'up' | 'down'): ProcedureDraft {
  const index = indexOfField(draft, key);
  const fields = draftFields(draft);
  const other = direction === 'up' ? index - 1 : index + 1;
  if (other < 0) refuse([{ input: 'move', code: 'first', message: 'This field is already the first.' }]);
  if (other >= fields.length)
    refuse([{ input: 'move', code: 'last', message: 'This field is already the last.' }]);
  const [upper, lower] = other < index ? [index, other] : [other, index];
  const rising = fields[upper];
  const passed = idOf(fields[lower]);
  if (passed !== undefined && conditionFields(asRecord(rising).showWhen).includes(passed)) {
    refuse([
      {
        input: 'move',
        code: 'condition_field',
        message: `Field "${idOf(rising) ?? '?'}" depends on field "${passed}", so it must stay below it.`,
      },
    ]);
  }
  return withFields(draft, fields.with(index, fields[other]).with(other, fields[index]));
}
