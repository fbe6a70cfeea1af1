// The stored draft as the editor's pages show it, in the page's language: the overview, the
// values each edit page starts from, and the preview's fields. A draft may be incomplete or hold
// anything the API accepted, so every read here is tolerant. Pure.
import { formField, procedureVersion, provinces } from '@motcua/domain';
import {
  isSimpleCondition,
  type ProcedureDraft,
  type ProcedureDraftState,
  writeOptions,
} from '@motcua/engine';
import {
  type DocumentView,
  type FieldView,
  type Locale,
  type ProcedureListRow,
  type ProcedureOverview,
  procedureText,
} from '@motcua/ui';

type Item = Record<string, unknown>;
const record = (value: unknown): Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Item) : {};
const items = (value: unknown): Item[] => (Array.isArray(value) ? value.map(record) : []);
const text = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
/** A bilingual text in the page's language, the Vietnamese when the other is missing. */
const localized = (value: unknown, locale: Locale) => text(record(value)[locale]) || text(record(value).vi);

/** The procedure's name in the page's language, or its code while it has none. */
export const localizedName = (draft: ProcedureDraft, locale: Locale) =>
  localized(draft.name, locale) || draft.code;

export const fieldsOf = (draft: ProcedureDraft) => items(record(draft.form).fields);
export const documentsOf = (draft: ProcedureDraft) => items(draft.documents);
const stepsOf = (draft: ProcedureDraft) => items(record(draft.workflow).steps);

/** A show-when condition in words: “Mục đích” là “Khác”; combined ones are only named. */
export function describeCondition(condition: unknown, fields: Item[], locale: Locale): string | undefined {
  if (condition === undefined) return undefined;
  if (!isSimpleCondition(condition)) return procedureText(locale, 'combined');
  const cond = record(condition);
  const target = fields.find((f) => f.id === cond.field);
  const label = `“${localized(target?.label, locale) || text(cond.field)}”`;
  if (cond.notEmpty === true) return `${label} ${procedureText(locale, 'isAnswered')}`;
  const options = items(target?.options);
  const word = (value: unknown) => {
    if (typeof value === 'boolean') return procedureText(locale, value ? 'yes' : 'no');
    const option = options.find((o) => o.value === value);
    return `“${option ? localized(option.label, locale) : text(value)}”`;
  };
  const values = Array.isArray(cond.in) ? cond.in : [cond.equals];
  const or = ` ${procedureText(locale, 'condOr')} `;
  return `${label} ${procedureText(locale, 'condIs')} ${values.map(word).join(or)}`;
}

export function listRowOf(state: ProcedureDraftState, locale: Locale): ProcedureListRow {
  return {
    code: state.code,
    name: localized(state.draft.name, locale),
    status: state.status,
    currentVersion: state.currentVersion,
    unpublishedChanges: state.unpublishedChanges,
    problemCount: state.draftProblems.length,
  };
}

export function overviewOf(state: ProcedureDraftState, locale: Locale): ProcedureOverview {
  const d = state.draft;
  const fields = fieldsOf(d);
  const time = procedureVersion.shape.processingTime.safeParse(d.processingTime);
  return {
    code: state.code,
    name: localized(d.name, locale),
    status: state.status,
    currentVersion: state.currentVersion,
    unpublishedChanges: state.unpublishedChanges,
    general: {
      nameVi: text(record(d.name).vi),
      nameEn: text(record(d.name).en),
      description: localized(d.description, locale),
      sector: text(d.sector),
      competentUnit: text(d.competentUnitCode),
      audience: text(d.audience),
      onlineLevel: text(d.onlineLevel),
      legalBasis: items(d.legalBasis).map((l) => ({ document: text(l.document), title: text(l.title) })),
    },
    fields: fields.map((f) => ({
      key: text(f.id),
      type: text(f.type),
      label: localized(f.label, locale) || text(f.id),
      required: f.required === true,
      shownWhen: describeCondition(f.showWhen, fields, locale),
    })),
    documents: documentsOf(d).map((doc) => ({
      id: text(doc.id),
      name: localized(doc.name, locale) || text(doc.id),
      required: doc.required === true,
      originals: number(record(doc.copies).originals),
      copies: number(record(doc.copies).copies),
    })),
    fees: items(d.fees).map((fee) => ({
      name: localized(fee.name, locale) || text(fee.id),
      amount: number(fee.amount),
      conditional: fee.showWhen !== undefined,
    })),
    processingTime: time.success ? time.data : undefined,
    steps: stepsOf(d).map((s) => ({
      name: localized(s.name, locale) || text(s.id),
      role: text(s.role),
      hours: number(s.budgetWorkingHours),
    })),
    problems: state.draftProblems.map(({ path, code }) => ({ path, code })),
    fieldKeys: fields.map((f) => text(f.id)),
    documentIds: documentsOf(d).map((doc) => text(doc.id)),
  };
}

/** The general page's inputs from the draft. */
export function generalValues(d: ProcedureDraft): Record<string, string> {
  const values: Record<string, string> = {
    'name-vi': text(record(d.name).vi),
    'name-en': text(record(d.name).en),
    'description-vi': text(record(d.description).vi),
    'description-en': text(record(d.description).en),
    sector: text(d.sector),
    'competent-unit': text(d.competentUnitCode),
    audience: text(d.audience),
    'online-level': text(d.onlineLevel),
  };
  items(d.legalBasis).forEach((l, row) => {
    values[`legal-document-${row}`] = text(l.document);
    values[`legal-title-${row}`] = text(l.title);
  });
  return values;
}

export const timeValues = (d: ProcedureDraft): Record<string, string> => ({
  'time-value': text(record(d.processingTime).value),
  'time-unit': text(record(d.processingTime).unit) || 'working_days',
});

export function fieldValues(field: Item | undefined): Record<string, string> {
  if (!field) return { required: 'true' };
  const condition = record(field.showWhen);
  const simple = isSimpleCondition(field.showWhen);
  const value = Array.isArray(condition.in)
    ? condition.in
    : condition.equals === undefined
      ? []
      : [condition.equals];
  return {
    'field-key': text(field.id),
    'field-type': text(field.type),
    'label-vi': text(record(field.label).vi),
    'label-en': text(record(field.label).en),
    'help-vi': text(record(field.help).vi),
    'help-en': text(record(field.help).en),
    required: field.required === true ? 'true' : '',
    options: writeOptions(field.options),
    'field-document': text(field.document),
    'condition-field': simple ? text(condition.field) : '',
    'condition-value': simple
      ? value.map((v) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : text(v))).join(', ')
      : '',
  };
}

const MEBIBYTE = 1024 * 1024;

export function documentValues(doc: Item | undefined): Record<string, string> {
  if (!doc)
    return {
      'document-required': 'true',
      originals: '1',
      copies: '0',
      'accepted-pdf': 'true',
      'max-size-mb': '10',
    };
  const accepted = Array.isArray(doc.acceptedTypes) ? doc.acceptedTypes : [];
  const values: Record<string, string> = {
    'document-id': text(doc.id),
    'document-name-vi': text(record(doc.name).vi),
    'document-name-en': text(record(doc.name).en),
    'document-required': doc.required === true ? 'true' : '',
    originals: text(record(doc.copies).originals),
    copies: text(record(doc.copies).copies),
    'max-size-mb': String(Math.round((number(doc.maxSizeBytes) / MEBIBYTE) * 100) / 100),
    'template-file': text(doc.templateFile),
  };
  for (const type of accepted) values[`accepted-${text(type)}`] = 'true';
  return values;
}

export function feeValues(d: ProcedureDraft): Record<string, string> {
  const values: Record<string, string> = {};
  items(d.fees).forEach((fee, row) => {
    values[`fee-id-${row}`] = text(fee.id);
    values[`fee-name-vi-${row}`] = text(record(fee.name).vi);
    values[`fee-name-en-${row}`] = text(record(fee.name).en);
    values[`fee-amount-${row}`] = text(fee.amount);
  });
  return values;
}

export function stepValues(d: ProcedureDraft): Record<string, string> {
  const values: Record<string, string> = {};
  stepsOf(d).forEach((step, row) => {
    values[`step-id-${row}`] = text(step.id);
    values[`step-name-vi-${row}`] = text(record(step.name).vi);
    values[`step-name-en-${row}`] = text(record(step.name).en);
    values[`step-role-${row}`] = text(step.role);
    values[`step-hours-${row}`] = text(step.budgetWorkingHours);
  });
  return values;
}

const typeNames = { pdf: 'PDF', jpeg: 'JPG', png: 'PNG' } as const;
const requiredDocument = procedureVersion.shape.documents.element;

function documentView(doc: Item, locale: Locale): DocumentView | undefined {
  const parsed = requiredDocument.safeParse(doc);
  if (!parsed.success) return undefined;
  const valid = parsed.data;
  return {
    id: valid.id,
    name: valid.name[locale],
    required: valid.required,
    acceptedTypes: valid.acceptedTypes.map((t) => typeNames[t]),
    maxSizeBytes: valid.maxSizeBytes,
    files: [],
  };
}

function fieldView(field: Item, documents: Item[], locale: Locale): FieldView | undefined {
  const parsed = formField.safeParse(field);
  if (!parsed.success) return undefined;
  const f = parsed.data;
  const base = { id: f.id, label: f.label[locale], hint: f.help?.[locale], required: f.required };
  switch (f.type) {
    case 'select':
    case 'radio':
      return {
        ...base,
        kind: f.type,
        value: '',
        options: f.options.map((o) => ({ value: o.value, label: o.label[locale] })),
      };
    case 'checkbox':
      return { ...base, kind: 'checkbox', checked: false };
    case 'address':
      return {
        ...base,
        kind: 'address',
        value: { province: '', commune: '', street: '' },
        provinces: provinces.map((p) => ({ value: p.code, label: p.name[locale] })),
      };
    case 'file': {
      const doc = documents.find((d) => d.id === f.document);
      const document = doc && documentView(doc, locale);
      return document ? { ...base, kind: 'file', document } : undefined;
    }
    case 'number':
      return { ...base, kind: 'number', value: '', integer: f.integer ?? false };
    default:
      return { ...base, kind: f.type, value: '' };
  }
}

/** Every field the preview can draw (with its condition in words), the papers without a field, and the rest. */
export function previewOf(d: ProcedureDraft, locale: Locale) {
  const fields = fieldsOf(d);
  const documents = documentsOf(d);
  const shown: { view: FieldView; shownWhen?: string | undefined }[] = [];
  const broken: [string, string][] = [];
  for (const field of fields) {
    const view = fieldView(field, documents, locale);
    if (view) shown.push({ view, shownWhen: describeCondition(field.showWhen, fields, locale) });
    else broken.push([text(field.id), localized(field.label, locale)]);
  }
  const uploaded = new Set(shown.flatMap(({ view }) => (view.kind === 'file' ? [view.document.id] : [])));
  const papers = documents
    .map((doc) => documentView(doc, locale))
    .filter((doc): doc is DocumentView => doc !== undefined && !uploaded.has(doc.id));
  return { fields: shown, documents: papers, broken };
}
