// The procedure version, the draft's answers and its files as the pages show them, in the page's
// language; and every kind of problem (the form evaluator's, the engine's, an upload's) as the
// entries of the error summary.
import {
  type AnswerError,
  type Answers,
  computeFees,
  type FormField,
  type ProcedureVersion,
  provinces,
  type RequiredDocument,
  requiredDocuments,
  visibleFields,
} from '@motcua/domain';
import {
  type AddressPart,
  type DocumentView,
  type FieldErrorView,
  type FieldView,
  type Locale,
  portalFormText,
  type ReviewRow,
} from '@motcua/ui';
import type { UploadedFile } from './form-answers.ts';

const typeNames = { pdf: 'PDF', jpeg: 'JPG', png: 'PNG' } as const;

export function documentView(
  document: RequiredDocument,
  uploads: UploadedFile[],
  locale: Locale,
  templateHref: (file: string) => string,
): DocumentView {
  return {
    id: document.id,
    name: document.name[locale],
    required: document.required,
    acceptedTypes: document.acceptedTypes.map((t) => typeNames[t]),
    maxSizeBytes: document.maxSizeBytes,
    templateHref: document.templateFile ? templateHref(document.templateFile) : undefined,
    files: uploads
      .filter((u) => u.slot === document.id)
      .map(({ id, fileName, sizeBytes, status }) => ({ id, fileName, sizeBytes, status })),
  };
}

const text = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

function fieldView(
  field: FormField,
  answers: Answers,
  locale: Locale,
  documentOf: (id: string) => DocumentView | undefined,
): FieldView | undefined {
  const base = {
    id: field.id,
    label: field.label[locale],
    hint: field.help?.[locale],
    required: field.required,
  };
  const answer = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
  switch (field.type) {
    case 'select':
    case 'radio': {
      const options = field.options.map((o) => ({ value: o.value, label: o.label[locale] }));
      return { ...base, kind: field.type, value: text(answer), options };
    }
    case 'checkbox':
      return { ...base, kind: 'checkbox', checked: answer === true || answer === 'true' || answer === 'on' };
    case 'address': {
      const parts = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
      return {
        ...base,
        kind: 'address',
        value: { province: text(parts.province), commune: text(parts.commune), street: text(parts.street) },
        provinces: provinces.map((p) => ({ value: p.code, label: p.name[locale] })),
      };
    }
    case 'file': {
      const document = documentOf(field.document);
      return document ? { ...base, kind: 'file', document } : undefined;
    }
    case 'number':
      return { ...base, kind: 'number', value: text(answer), integer: field.integer ?? false };
    default:
      return { ...base, kind: field.type, value: text(answer) };
  }
}

export interface FormView {
  fields: FieldView[];
  /** Papers that apply and have no visible file field of their own. */
  documents: DocumentView[];
  hasConditions: boolean;
}

/** What the form page shows for these answers: the conditions decide the fields and the papers. */
export function formView(
  version: ProcedureVersion,
  answers: Answers,
  uploads: UploadedFile[],
  locale: Locale,
  templateHref: (file: string) => string,
): FormView {
  const documentOf = (id: string) => {
    const document = version.documents.find((d) => d.id === id);
    return document && documentView(document, uploads, locale, templateHref);
  };
  const visible = visibleFields(version.form, answers);
  const fields = visible
    .map((field) => fieldView(field, answers, locale, documentOf))
    .filter((f): f is FieldView => f !== undefined);
  const atFields = new Set(visible.flatMap((f) => (f.type === 'file' ? [f.document] : [])));
  const documents = requiredDocuments(version, answers)
    .filter((d) => !atFields.has(d.id))
    .map((d) => documentView(d, uploads, locale, templateHref));
  const hasConditions = [...version.form.fields, ...version.fees, ...version.documents].some(
    (item) => item.showWhen !== undefined,
  );
  return { fields, documents, hasConditions };
}

const addressParts: Record<string, AddressPart> = {
  address_province: 'province',
  address_commune: 'commune',
  address_street: 'street',
};

/** The form evaluator's problems, in form order. */
export function answerErrors(errors: AnswerError[], locale: Locale): FieldErrorView[] {
  return errors.map((e) => {
    const part = addressParts[e.code];
    return { fieldId: e.field, ...(part ? { part } : {}), message: e.message[locale] };
  });
}

/** Required papers that apply and have no checked file, unless their file field already says so. */
export function missingDocuments(
  version: ProcedureVersion,
  values: Answers,
  uploads: UploadedFile[],
  already: FieldErrorView[],
  locale: Locale,
): FieldErrorView[] {
  const reported = new Set(
    version.form.fields
      .filter((f) => f.type === 'file' && already.some((e) => e.fieldId === f.id))
      .map((f) => (f.type === 'file' ? f.document : '')),
  );
  return requiredDocuments(version, values)
    .filter((d) => d.required && !reported.has(d.id))
    .filter((d) => !uploads.some((u) => u.slot === d.id && u.status === 'verified'))
    .map((d) => ({
      documentId: d.id,
      message: `${portalFormText(locale, 'errAttach')} “${d.name[locale]}”`,
    }));
}

interface EngineProblem {
  path?: unknown;
  code?: unknown;
  message?: unknown;
  messageVi?: unknown;
}

/** The engine's refusal of a submission (`answers.<field>`, `documents.<id>`) as summary entries. */
export function engineErrors(details: unknown, version: ProcedureVersion, locale: Locale): FieldErrorView[] {
  const problems = Array.isArray(details) ? (details as EngineProblem[]) : [];
  return problems.map((p) => {
    const [scope, id = ''] = String(p.path ?? '').split('.');
    const message = text(locale === 'vi' ? (p.messageVi ?? p.message) : p.message);
    if (scope === 'documents') {
      const document = version.documents.find((d) => d.id === id);
      const name = document?.name[locale] ?? id;
      return { documentId: id, message: `${portalFormText(locale, 'errAttach')} “${name}”` };
    }
    const part = addressParts[text(p.code)];
    return { fieldId: id, ...(part ? { part } : {}), message };
  });
}

function formatDate(locale: Locale, iso: string): string {
  const [year, month, day] = iso.split('-');
  return locale === 'vi' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}

function answerLines(field: FormField, value: unknown, locale: Locale): string[] {
  if (value === undefined || value === null || value === '' || value === false) return [];
  switch (field.type) {
    case 'select':
    case 'radio':
      return [field.options.find((o) => o.value === value)?.label[locale] ?? text(value)];
    case 'checkbox':
      return [portalFormText(locale, 'checkboxYes')];
    case 'address': {
      const address = value as { province: string; commune: string; street: string };
      const province = provinces.find((p) => p.code === address.province)?.name[locale] ?? address.province;
      return [address.street, address.commune, province];
    }
    case 'date':
      return [formatDate(locale, text(value))];
    default:
      return text(value).split('\n');
  }
}

/** The review's rows: every shown question but files, which the papers list shows. */
export function reviewRows(version: ProcedureVersion, values: Answers, locale: Locale): ReviewRow[] {
  return visibleFields(version.form, values)
    .filter((field) => field.type !== 'file')
    .map((field) => ({
      fieldId: field.id,
      label: field.label[locale],
      lines: answerLines(field, values[field.id], locale),
      ...(field.type === 'radio' ? { anchor: `f-${field.id}-0` } : {}),
      ...(field.type === 'address' ? { anchor: `f-${field.id}-province` } : {}),
    }));
}

export function feeView(version: ProcedureVersion, values: Answers, locale: Locale) {
  const fees = computeFees(version, values);
  return {
    fees: fees.items.map((item) => ({ name: item.name[locale], amount: item.amount })),
    feeTotal: fees.total,
  };
}
