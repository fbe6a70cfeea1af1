// Between an action's form and the engine: the posted fields become the action's input, and the
// engine's field problems (paths like `missing.1.reason`) become messages on the form's fields,
// in the page's language. Pure.
import type { ConsoleAction, ConsoleDossierStringKey, FormError, Locale } from '@motcua/ui';
import { consoleDossierText } from '@motcua/ui';

export interface ActionForm {
  input: Record<string, unknown>;
  /** request_supplement: the form row each listed document came from (empty rows are skipped). */
  rows: number[];
}

/** The most supplement rows a form may post; the engine takes at most 100 documents. */
export const maxSupplementRows = 100;

const text = (fields: Record<string, string>, id: string) => (fields[id] ?? '').trim();
const optional = (value: string) => (value ? value : undefined);

function missingDocuments(fields: Record<string, string>): ActionForm {
  const missing: { document: string; reason: string }[] = [];
  const rows: number[] = [];
  for (let row = 0; row < maxSupplementRows; row++) {
    const document = text(fields, `supplement-document-${row}`);
    const reason = text(fields, `supplement-reason-${row}`);
    if (!document && !reason) continue;
    missing.push({ document, reason });
    rows.push(row);
  }
  const note = optional(text(fields, 'supplement-note'));
  return { input: { missing, ...(note ? { note } : {}) }, rows };
}

/** The engine input for `action` from its form; `issue_result` gets its file ids from the upload. */
export function readActionForm(action: ConsoleAction, fields: Record<string, string>): ActionForm {
  const plain = (input: Record<string, unknown>): ActionForm => ({ input, rows: [] });
  switch (action) {
    case 'refuse':
      return plain({ reason: text(fields, 'refuse-reason') });
    case 'return_for_rework':
      return plain({ reason: text(fields, 'rework-reason') });
    case 'stop':
      return plain({ reason: text(fields, 'stop-reason') });
    case 'request_supplement':
      return missingDocuments(fields);
    case 'assign':
      return plain({ assigneeId: text(fields, 'assign-officer') });
    case 'complete_step': {
      const note = optional(text(fields, 'complete-note'));
      return plain(note ? { note } : {});
    }
    // Staff record payments made at the desk; online ones come from the provider's signed notice.
    case 'record_payment':
      return plain({ method: 'desk', reference: text(fields, 'payment-reference') });
    case 'return_result':
      return plain({ method: text(fields, 'return-method') });
    case 'apologise':
      return plain({ newDueDate: text(fields, 'apology-date'), reason: text(fields, 'apology-reason') });
    default:
      return plain({});
  }
}

/** The form field each input path of an action is shown on. */
const fieldOfPath: Partial<Record<ConsoleAction, Record<string, string>>> = {
  refuse: { reason: 'refuse-reason' },
  return_for_rework: { reason: 'rework-reason' },
  stop: { reason: 'stop-reason' },
  request_supplement: { note: 'supplement-note', missing: 'supplement-document-0' },
  assign: { assigneeId: 'assign-officer' },
  complete_step: { note: 'complete-note' },
  record_payment: { reference: 'payment-reference', method: 'payment-reference' },
  return_result: { method: 'return-method' },
  apologise: { newDueDate: 'apology-date', reason: 'apology-reason' },
};

/** Which form field an engine problem belongs to; undefined for a problem of the whole form. */
export function fieldOf(action: ConsoleAction, path: string, rows: readonly number[]): string | undefined {
  if (action === 'issue_result') return 'result-file';
  const row = /^missing\.(\d+)\.(document|reason)$/.exec(path);
  if (action === 'request_supplement' && row) {
    const index = rows[Number(row[1])] ?? 0;
    return `supplement-${row[2]}-${index}`;
  }
  return fieldOfPath[action]?.[path];
}

function messageKey(field: string, engineMessage: string): ConsoleDossierStringKey {
  if (field.startsWith('supplement-document-')) {
    if (engineMessage === 'Listed twice.') return 'errDuplicate';
    if (/at least one/i.test(engineMessage)) return 'errMissing';
    return 'errMissingDocument';
  }
  if (field.startsWith('supplement-reason-')) return 'errMissingReason';
  const byField: Record<string, ConsoleDossierStringKey> = {
    'supplement-note': 'errNote',
    'complete-note': 'errNote',
    'assign-officer': 'errOfficer',
    'payment-reference': 'errReference',
    'result-file': 'errResultFile',
    'return-method': 'errReturnMethod',
    'apology-date': 'errNewDueDate',
  };
  return byField[field] ?? 'errReason';
}

/** The engine's `[{ path, message }]` details as form errors, one per field, in the page's language. */
export function formErrors(
  locale: Locale,
  action: ConsoleAction,
  details: unknown,
  rows: readonly number[],
): FormError[] {
  const problems = Array.isArray(details) ? (details as { path?: unknown; message?: unknown }[]) : [];
  const errors: FormError[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const field = fieldOf(action, String(problem.path ?? ''), rows);
    const key = field ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    const message = field
      ? consoleDossierText(locale, messageKey(field, String(problem.message ?? '')))
      : consoleDossierText(locale, 'errInvalid');
    errors.push(field ? { field, message } : { message });
  }
  return errors.length ? errors : [{ message: consoleDossierText(locale, 'errInvalid') }];
}
