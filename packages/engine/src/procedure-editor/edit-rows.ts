// Fees and workflow steps, each edited as one table of rows on one page: a filled row is kept,
// an emptied row is removed, the order of the rows is the order of the list. Pure.
import { procedureVersion } from '@motcua/domain';
import {
  asRecord,
  checkPart,
  draftFees,
  type EditProblem,
  type FormInput,
  idOf,
  type ProcedureDraft,
  problemsUnder,
  refuse,
  slugifyId,
  textOf,
  uniqueId,
} from './draft.ts';

/** The most rows one page posts (the schema allows 50 fees and 50 steps). */
export const maxRows = 50;

/** A row is kept when any of its `names` is filled; its id alone (kept hidden on the page) is not enough. */
interface Row {
  row: number;
  id: string;
  written: boolean;
  item: Record<string, unknown>;
}

function readRows(
  input: FormInput,
  prefix: string,
  names: readonly string[],
  build: (read: (name: string) => string, row: number, problems: EditProblem[]) => Record<string, unknown>,
  problems: EditProblem[],
): Row[] {
  const rows: Row[] = [];
  const taken = new Set<string>();
  for (let row = 0; row < maxRows; row++) {
    const read = (name: string) => textOf(input, `${prefix}-${name}-${row}`);
    if (names.every((name) => !read(name))) continue;
    const written = read('id');
    const id = written || uniqueId(slugifyId(read('name-vi'), prefix), taken);
    if (taken.has(id)) {
      problems.push({
        input: `${prefix}-id-${row}`,
        code: 'duplicate',
        message: `The id "${id}" is used twice.`,
      });
    }
    taken.add(id);
    rows.push({ row, id, written: Boolean(written), item: { id, ...build(read, row, problems) } });
  }
  return rows;
}

function checkRows(
  rows: Row[],
  schema: Parameters<typeof checkPart>[0],
  prefix: string,
  problems: EditProblem[],
) {
  const inputOf = (row: Row) => (path: readonly PropertyKey[]) => {
    const [head, sub] = path;
    if (head === 'name') return `${prefix}-name-${sub === 'en' ? 'en' : 'vi'}-${row.row}`;
    if (head === 'id') return `${prefix}-id-${row.row}`;
    return `${prefix}-${fieldNames[prefix]?.[String(head)] ?? 'name-vi'}-${row.row}`;
  };
  for (const row of rows) {
    const reported = new Set(problems.map((p) => p.input));
    const checked = checkPart(schema, row.item, inputOf(row));
    problems.push(
      ...checked.problems.filter(
        (p) => !reported.has(p.input) && (row.written || p.input !== `${prefix}-id-${row.row}`),
      ),
    );
  }
}

const fieldNames: Record<string, Record<string, string>> = {
  fee: { amount: 'amount' },
  step: { role: 'role', budgetWorkingHours: 'hours' },
};

/** Whole đồng, with or without thousands separators: 50000, 50.000, 50 000. */
export function readAmount(text: string): number | undefined {
  const plain = text.replace(/\s*(?:đ|đồng|VND)$/i, '').trim();
  if (/^\d{1,15}$/.test(plain)) return Number(plain);
  if (/^\d{1,3}(?:([., ])\d{3})(?:\1\d{3}){0,4}$/.test(plain)) return Number(plain.replace(/[., ]/g, ''));
  return undefined;
}

/** The fee table; a fee keeps its condition (set through the API) while its id stays. */
export function setFees(draft: ProcedureDraft, input: FormInput): ProcedureDraft {
  const conditions = new Map(draftFees(draft).map((fee) => [idOf(fee), asRecord(fee).showWhen]));
  const problems: EditProblem[] = [];
  const rows = readRows(
    input,
    'fee',
    ['name-vi', 'name-en', 'amount'],
    (read, row, found) => {
      const amount = readAmount(read('amount'));
      if (amount === undefined) {
        found.push({
          input: `fee-amount-${row}`,
          code: read('amount') ? 'invalid' : 'required',
          message: 'Enter the amount in whole đồng.',
        });
      }
      return { name: { vi: read('name-vi'), en: read('name-en') }, amount: amount ?? 0 };
    },
    problems,
  );
  for (const row of rows) {
    const showWhen = conditions.get(row.id);
    if (showWhen !== undefined) row.item.showWhen = showWhen;
  }
  checkRows(rows, procedureVersion.shape.fees.element, 'fee', problems);
  if (problems.length) refuse(problems);
  const next = { ...draft, fees: rows.map((row) => row.item) };
  const kept = problemsUnder(next, ['fees'], (path) => `fee-name-vi-${rows[Number(path[0])]?.row ?? 0}`);
  if (kept.length) refuse(kept);
  return next;
}

/** The workflow's steps in order; together they must fit in the processing time. */
export function setWorkflowSteps(draft: ProcedureDraft, input: FormInput): ProcedureDraft {
  const problems: EditProblem[] = [];
  const rows = readRows(
    input,
    'step',
    ['name-vi', 'name-en', 'hours'],
    (read, row, found) => {
      const raw = read('hours').replace(',', '.');
      const hours = /^\d{1,5}(?:\.\d{1,2})?$/.test(raw) ? Number(raw) : undefined;
      if (hours === undefined) {
        found.push({
          input: `step-hours-${row}`,
          code: raw ? 'invalid' : 'required',
          message: 'Enter the working hours, like 8 or 1.5.',
        });
      }
      return {
        name: { vi: read('name-vi'), en: read('name-en') },
        role: read('role'),
        budgetWorkingHours: hours ?? 1,
      };
    },
    problems,
  );
  if (!rows.length)
    problems.push({ input: 'step-name-vi-0', code: 'required', message: 'Add at least one step.' });
  checkRows(rows, procedureVersion.shape.workflow.shape.steps.element, 'step', problems);
  if (problems.length) refuse(problems);
  const next = { ...draft, workflow: { ...asRecord(draft.workflow), steps: rows.map((row) => row.item) } };
  const budget = problemsUnder(next, ['workflow', 'steps'], () => `step-hours-${rows[0]?.row ?? 0}`);
  if (budget.length) refuse(budget);
  return next;
}
