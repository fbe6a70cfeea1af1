// What every pure edit of a procedure draft shares: the draft's loose shape (a draft may be
// incomplete), problems tied to the form input that caused them, and the domain's own rules
// applied to one part at a time so that a page hears only about what it edits.
import { type Condition, PROCEDURE_CODE, procedureVersion, ValidationError } from '@motcua/domain';
import type { z } from 'zod';

/** A procedure document being edited: anything the schema allows, possibly with parts missing. */
export type ProcedureDraft = { readonly [key: string]: unknown; readonly code: string };

/** A form as posted: input name → text. */
export type FormInput = Readonly<Record<string, string | undefined>>;

export const editProblemCodes = [
  'required',
  'invalid',
  'too_long',
  'duplicate',
  'referenced',
  'condition_field',
  'condition_value',
  'document_unknown',
  'document_linked',
  'budget',
  'first',
  'last',
] as const;
export type EditProblemCode = (typeof editProblemCodes)[number];

/** One reason an edit was refused: the input to change, what kind of problem, and the rule's words. */
export interface EditProblem {
  input: string;
  code: EditProblemCode;
  message: string;
}

/** Refuses an edit: the draft is left as it was and each problem names its input (as its `path`). */
export function refuse(problems: EditProblem[]): never {
  const details = problems.map(({ input, code, message }) => ({ path: input, code, message }));
  throw new ValidationError('The change was not saved; correct the marked inputs.', details, 'invalid_edit');
}

export const textOf = (input: FormInput, name: string) => (input[name] ?? '').trim();
export const isTicked = (input: FormInput, name: string) => ['true', 'on', '1'].includes(textOf(input, name));

export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The id of an item of a draft list, if it has one. */
export const idOf = (item: unknown): string | undefined => {
  const id = asRecord(item).id;
  return typeof id === 'string' ? id : undefined;
};

export const draftFields = (draft: ProcedureDraft) => asArray(asRecord(draft.form).fields);
export const draftDocuments = (draft: ProcedureDraft) => asArray(draft.documents);
export const draftFees = (draft: ProcedureDraft) => asArray(draft.fees);
export const draftSteps = (draft: ProcedureDraft) => asArray(asRecord(draft.workflow).steps);

/** How one schema issue reads as a problem kind; the cross-part rules are told apart by their words. */
export function codeOfIssue(issue: z.core.$ZodIssue): EditProblemCode {
  // Custom (cross-part) issues carry no input; any other issue on nothing or an empty text is a gap.
  if (issue.code !== 'custom' && (issue.input === '' || issue.input === undefined)) return 'required';
  if (issue.code === 'too_small') {
    const empty = issue.origin === 'string' || (issue.origin === 'array' && issue.minimum === 1);
    return empty ? 'required' : 'invalid';
  }
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code !== 'custom') return 'invalid';
  const rules: [RegExp, EditProblemCode][] = [
    [/used twice|lists the option/, 'duplicate'],
    [/not above it|no such field/, 'condition_field'],
    [/has no option|compare |can only be tested/, 'condition_value'],
    [/not in the documents list/, 'document_unknown'],
    [/already has a file field/, 'document_linked'],
    [/working hours, more than/, 'budget'],
  ];
  return rules.find(([pattern]) => pattern.test(issue.message))?.[1] ?? 'invalid';
}

type Path = readonly PropertyKey[];

/** Checks `value` against one schema piece; each issue lands on the input `inputOf` names for its path. */
export function checkPart<T>(
  schema: z.ZodType<T>,
  value: unknown,
  inputOf: (path: Path) => string,
): { data: T; problems: [] } | { data?: undefined; problems: EditProblem[] } {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return { data: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => problemOf(issue, inputOf(issue.path))) };
}

const problemOf = (issue: z.core.$ZodIssue, input: string): EditProblem => ({
  input,
  code: codeOfIssue(issue),
  message: issue.message,
});

/**
 * A complete stand-in for every part, so that the version's cross-part rules (conditions on
 * earlier fields, file fields naming listed documents, steps within the legal time) run on a
 * draft that is not finished yet. The processing time is the largest allowed: the stand-in never
 * makes the workflow too long.
 */
const standIn: Record<string, unknown> = {
  name: { vi: '-', en: '-' },
  description: { vi: '-', en: '-' },
  sector: '-',
  competentUnitCode: '-',
  audience: 'citizen',
  onlineLevel: 'partial',
  legalBasis: [{ document: '-', title: '-' }],
  processingTime: { value: 10_000, unit: 'working_hours' },
  fees: [],
  documents: [],
  form: { fields: [{ id: 'stand_in', type: 'text', label: { vi: '-', en: '-' }, required: false }] },
  workflow: {
    steps: [{ id: 'stand_in', name: { vi: '-', en: '-' }, role: 'specialist', budgetWorkingHours: 1 }],
  },
};

/**
 * The domain's whole-version rules, reported only under `prefix` (e.g. ['form', 'fields', 3]).
 * Each part of the draft that is valid on its own is checked as it is; the others are stood in for.
 */
export function checkAgainstVersion(draft: ProcedureDraft, prefix: Path): z.core.$ZodIssue[] {
  const probe: Record<string, unknown> = { ...standIn, code: draft.code };
  const shape = procedureVersion.shape as Record<string, z.ZodType>;
  for (const key of Object.keys(standIn)) {
    if (draft[key] !== undefined && shape[key]?.safeParse(draft[key]).success) probe[key] = draft[key];
  }
  if (!PROCEDURE_CODE.test(draft.code)) probe.code = '1.000000';
  const parsed = procedureVersion.safeParse(probe, { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues.filter((issue) => prefix.every((key, i) => issue.path[i] === key));
}

export function problemsUnder(
  draft: ProcedureDraft,
  prefix: Path,
  inputOf: (rest: Path) => string,
): EditProblem[] {
  return checkAgainstVersion(draft, prefix).map((issue) =>
    problemOf(issue, inputOf(issue.path.slice(prefix.length))),
  );
}

const vietnameseD = /[đĐ]/g;

/**
 * An identifier made from a Vietnamese name: "Lệ phí cấp bản sao" → `le_phi_cap_ban_sao`,
 * so that staff need not invent one. `prefix` keeps it starting with a letter.
 */
export function slugifyId(text: string, prefix: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(vietnameseD, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const id = /^[a-z]/.test(plain) ? plain : `${prefix}_${plain}`.replace(/_+$/, '');
  return id.slice(0, 60).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The field names a condition reads, at any depth. */
export function conditionFields(condition: unknown): string[] {
  const cond = asRecord(condition) as Partial<Record<keyof Condition | string, unknown>>;
  if (Array.isArray(cond.all)) return cond.all.flatMap(conditionFields);
  if (Array.isArray(cond.any)) return cond.any.flatMap(conditionFields);
  if (cond.not !== undefined) return conditionFields(cond.not);
  return typeof cond.field === 'string' ? [cond.field] : [];
}

/** The minimal draft a new procedure starts from: its code and Vietnamese name, and empty lists. */
export function createDraftDocument(input: FormInput): ProcedureDraft {
  const code = textOf(input, 'code');
  const nameVi = textOf(input, 'name-vi');
  const problems: EditProblem[] = [];
  if (!code) problems.push({ input: 'code', code: 'required', message: 'Enter the procedure code.' });
  else if (!PROCEDURE_CODE.test(code))
    problems.push({ input: 'code', code: 'invalid', message: 'Use a procedure code like 1.001193.H48.' });
  if (!nameVi) problems.push({ input: 'name-vi', code: 'required', message: 'Enter the Vietnamese name.' });
  else if (nameVi.length > 2000)
    problems.push({ input: 'name-vi', code: 'too_long', message: 'The name is too long.' });
  if (problems.length) refuse(problems);
  return {
    code,
    name: { vi: nameVi },
    legalBasis: [],
    fees: [],
    documents: [],
    form: { fields: [] },
    workflow: { steps: [] },
  };
}
