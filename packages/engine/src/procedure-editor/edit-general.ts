// The general part of a procedure (names, who it is for, legal basis, online level, competent
// unit) and its processing time, each saved whole from its own page. Pure.
import { procedureVersion } from '@motcua/domain';
import {
  checkPart,
  type EditProblem,
  type FormInput,
  type ProcedureDraft,
  problemsUnder,
  refuse,
  textOf,
} from './draft.ts';

/** The most legal-basis rows one page posts. */
export const maxLegalBasisRows = 20;

const shape = procedureVersion.shape;

function readLegalBasis(input: FormInput) {
  const rows: number[] = [];
  const items: { document: string; title: string }[] = [];
  for (let row = 0; row < maxLegalBasisRows; row++) {
    const document = textOf(input, `legal-document-${row}`);
    const title = textOf(input, `legal-title-${row}`);
    if (!document && !title) continue;
    rows.push(row);
    items.push({ document, title });
  }
  return { rows, items };
}

/** Names, description, sector, competent unit, audience, online level and legal basis, all required. */
export function setGeneralInfo(draft: ProcedureDraft, input: FormInput): ProcedureDraft {
  const localized = (name: 'name' | 'description') => {
    const value = { vi: textOf(input, `${name}-vi`), en: textOf(input, `${name}-en`) };
    return checkPart(shape[name], value, (path) => `${name}-${String(path[0] ?? 'vi')}`);
  };
  const name = localized('name');
  const description = localized('description');
  const sector = checkPart(shape.sector, textOf(input, 'sector'), () => 'sector');
  const unit = checkPart(shape.competentUnitCode, textOf(input, 'competent-unit'), () => 'competent-unit');
  const audience = checkPart(shape.audience, textOf(input, 'audience'), () => 'audience');
  const onlineLevel = checkPart(shape.onlineLevel, textOf(input, 'online-level'), () => 'online-level');
  const legal = readLegalBasis(input);
  const legalBasis = checkPart(shape.legalBasis, legal.items, (path) => {
    const row = legal.rows[Number(path[0])] ?? 0;
    return path[1] === 'title' ? `legal-title-${row}` : `legal-document-${row}`;
  });
  const problems = [name, description, sector, unit, audience, onlineLevel, legalBasis].flatMap(
    (part) => part.problems,
  );
  if (problems.length) refuse(problems);
  return {
    ...draft,
    name: name.data,
    description: description.data,
    sector: sector.data,
    competentUnitCode: unit.data,
    audience: audience.data,
    onlineLevel: onlineLevel.data,
    legalBasis: legalBasis.data,
  };
}

/** A whole number of days, hours or months; the workflow's steps must still fit in it. */
export function setProcessingTime(draft: ProcedureDraft, input: FormInput): ProcedureDraft {
  const raw = textOf(input, 'time-value');
  const problems: EditProblem[] = [];
  if (!/^\d{1,5}$/.test(raw)) {
    problems.push({
      input: 'time-value',
      code: raw ? 'invalid' : 'required',
      message: 'Enter a whole number.',
    });
  }
  const value = { value: Number(raw), unit: textOf(input, 'time-unit') };
  const checked = checkPart(shape.processingTime, value, (path) =>
    path[0] === 'unit' ? 'time-unit' : 'time-value',
  );
  if (!problems.length) problems.push(...checked.problems);
  else problems.push(...checked.problems.filter((p) => p.input === 'time-unit'));
  if (problems.length || !checked.data) refuse(problems);
  const next = { ...draft, processingTime: checked.data };
  const budget = problemsUnder(next, ['workflow', 'steps'], () => 'time-value').filter(
    (p) => p.code === 'budget',
  );
  if (budget.length) refuse(budget);
  return next;
}
