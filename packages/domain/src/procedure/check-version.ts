// Cross-field rules of a procedure version that a per-field schema cannot see: unique ids,
// conditions that only look upwards, links from file fields to required documents, and a
// workflow that fits in the legal deadline. Messages name the part at fault in plain words.
import type { z } from 'zod';
import {
  type Condition,
  type ConditionLeaf,
  listConditionLeaves,
  MAX_CONDITION_DEPTH,
  measureConditionDepth,
} from './condition.ts';
import { compilePattern, type Form, type FormField } from './form-field.ts';
import type { FeeItem, RequiredDocument, WorkflowStep } from './procedure-version.ts';

type VersionParts = {
  form: Form;
  fees: FeeItem[];
  documents: RequiredDocument[];
  workflow: { steps: WorkflowStep[] };
  processingTime: { value: number; unit: string };
};
type Report = (message: string, path: (string | number)[]) => void;

/** Labour Code 2019 art. 105: a normal working day is at most 8 hours. */
const HOURS_PER_WORKING_DAY = 8;

export function checkVersion(version: VersionParts, ctx: z.RefinementCtx): void {
  const report: Report = (message, path) => ctx.addIssue({ code: 'custom', message, path });
  const fields = version.form.fields;
  reportDuplicates(fields, 'Field', ['form', 'fields'], report);
  reportDuplicates(version.documents, 'Document', ['documents'], report);
  reportDuplicates(version.fees, 'Fee', ['fees'], report);
  reportDuplicates(version.workflow.steps, 'Workflow step', ['workflow', 'steps'], report);

  fields.forEach((field, index) => {
    const path = ['form', 'fields', index];
    checkFieldLimits(field, path, report);
    if (field.showWhen) {
      checkCondition(
        field.showWhen,
        `Field "${field.id}"`,
        fields.slice(0, index),
        fields,
        [...path, 'showWhen'],
        report,
      );
    }
  });
  checkDocumentLinks(version, report);
  version.fees.forEach((fee, index) => {
    if (fee.showWhen)
      checkCondition(fee.showWhen, `Fee "${fee.id}"`, fields, fields, ['fees', index, 'showWhen'], report);
  });
  version.documents.forEach((doc, index) => {
    if (doc.showWhen) {
      checkCondition(
        doc.showWhen,
        `Document "${doc.id}"`,
        fields,
        fields,
        ['documents', index, 'showWhen'],
        report,
      );
    }
  });
  checkWorkflowBudget(version, report);
}

function reportDuplicates(items: { id: string }[], what: string, path: (string | number)[], report: Report) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id))
      report(`${what} id "${item.id}" is used twice; give each one its own id`, [...path, index, 'id']);
    seen.add(item.id);
  });
}

function checkFieldLimits(field: FormField, path: (string | number)[], report: Report) {
  if (field.type === 'text' || field.type === 'long_text') {
    if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
      report(`Field "${field.id}" has a minimum length above its maximum length`, [...path, 'minLength']);
    }
  }
  if (field.type === 'text' && field.pattern && !compilePattern(field.pattern.regex)) {
    report(`Field "${field.id}" has a pattern that is not a valid regular expression`, [
      ...path,
      'pattern',
      'regex',
    ]);
  }
  if (
    field.type === 'number' &&
    field.min !== undefined &&
    field.max !== undefined &&
    field.min > field.max
  ) {
    report(`Field "${field.id}" has a minimum above its maximum`, [...path, 'min']);
  }
  if (field.type === 'date' && field.min && field.max && field.min !== 'today' && field.max !== 'today') {
    if (field.min > field.max)
      report(`Field "${field.id}" has an earliest date after its latest date`, [...path, 'min']);
  }
  if (field.type === 'select' || field.type === 'radio') {
    const seen = new Set<string>();
    field.options.forEach((option, index) => {
      if (seen.has(option.value)) {
        report(`Field "${field.id}" lists the option "${option.value}" twice`, [
          ...path,
          'options',
          index,
          'value',
        ]);
      }
      seen.add(option.value);
    });
  }
}

function checkCondition(
  cond: Condition,
  owner: string,
  allowed: FormField[],
  all: FormField[],
  path: (string | number)[],
  report: Report,
) {
  if (measureConditionDepth(cond) > MAX_CONDITION_DEPTH) {
    report(`${owner} has a condition nested more than ${MAX_CONDITION_DEPTH} levels deep`, path);
    return;
  }
  for (const leaf of listConditionLeaves(cond)) {
    const target = allowed.find((f) => f.id === leaf.field);
    if (!target) {
      const later = all.some((f) => f.id === leaf.field);
      report(
        later
          ? `${owner} depends on field "${leaf.field}", which is not above it; a condition may only use earlier fields`
          : `${owner} depends on field "${leaf.field}", but the form has no such field`,
        path,
      );
      continue;
    }
    const problem = describeLeafProblem(leaf, target);
    if (problem) report(`${owner}: ${problem}`, path);
  }
}

/** Catches conditions that could never be true, such as a typo in an option value. */
function describeLeafProblem(leaf: ConditionLeaf, target: FormField): string | undefined {
  if ('notEmpty' in leaf) return undefined;
  const values = 'equals' in leaf ? [leaf.equals] : leaf.in;
  switch (target.type) {
    case 'select':
    case 'radio': {
      const known = new Set(target.options.map((o) => o.value));
      const unknown = values.find((v) => typeof v !== 'string' || !known.has(v));
      return unknown === undefined
        ? undefined
        : `field "${target.id}" has no option ${JSON.stringify(unknown)}`;
    }
    case 'checkbox':
      return 'equals' in leaf && typeof leaf.equals === 'boolean'
        ? undefined
        : `compare checkbox "${target.id}" with equals: true or equals: false`;
    case 'number':
      return values.every((v) => typeof v === 'number')
        ? undefined
        : `field "${target.id}" is a number; compare it with numbers`;
    case 'file':
    case 'address':
      return `field "${target.id}" can only be tested with notEmpty`;
    default:
      return values.every((v) => typeof v === 'string')
        ? undefined
        : `field "${target.id}" holds text; compare it with text`;
  }
}

function checkDocumentLinks(version: VersionParts, report: Report) {
  const documentIds = new Set(version.documents.map((d) => d.id));
  const linked = new Set<string>();
  version.form.fields.forEach((field, index) => {
    if (field.type !== 'file') return;
    const path = ['form', 'fields', index, 'document'];
    if (!documentIds.has(field.document)) {
      report(
        `File field "${field.id}" uploads document "${field.document}", which is not in the documents list`,
        path,
      );
    } else if (linked.has(field.document)) {
      report(`Document "${field.document}" already has a file field; use one file field per document`, path);
    }
    linked.add(field.document);
  });
}

function checkWorkflowBudget(version: VersionParts, report: Report) {
  const { value, unit } = version.processingTime;
  const limit =
    unit === 'working_days' ? value * HOURS_PER_WORKING_DAY : unit === 'working_hours' ? value : undefined;
  if (limit === undefined) return;
  const budget = version.workflow.steps.reduce((sum, step) => sum + step.budgetWorkingHours, 0);
  if (budget > limit) {
    report(
      `The workflow steps need ${budget} working hours, more than the ${limit} the processing time allows`,
      ['workflow', 'steps'],
    );
  }
}
