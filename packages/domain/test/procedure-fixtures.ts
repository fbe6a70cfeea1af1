// Test support: the smallest valid procedure version, to which each test adds only what it is about.
import { expect } from 'vitest';
import { validateAnswers } from '../src/procedure/evaluate-form.ts';
import type { FormField } from '../src/procedure/form-field.ts';
import type { ProcedureVersion } from '../src/procedure/procedure-version.ts';

export const text = (vi: string, en = vi) => ({ vi, en });

export function makeVersion(
  fields: FormField[],
  extra: Partial<Pick<ProcedureVersion, 'fees' | 'documents' | 'workflow' | 'processingTime' | 'code'>> = {},
): ProcedureVersion {
  return {
    code: '1.000001',
    name: text('Thủ tục thử', 'Test procedure'),
    description: text('Dùng trong kiểm thử', 'Used in tests'),
    sector: 'Thử nghiệm',
    competentUnitCode: 'test_unit',
    audience: 'citizen',
    onlineLevel: 'full',
    legalBasis: [{ document: '00/2025/TT-TEST', title: 'Test basis' }],
    processingTime: { value: 5, unit: 'working_days' },
    fees: [],
    documents: [],
    form: { fields },
    workflow: {
      steps: [{ id: 'handle', name: text('Xử lý', 'Handle'), role: 'specialist', budgetWorkingHours: 8 }],
    },
    ...extra,
  };
}

type FieldSpec = FormField extends infer F
  ? F extends FormField
    ? Omit<F, 'label' | 'required'>
    : never
  : never;

/** A field with a generated label, optional unless `required` says otherwise. */
export function field(spec: FieldSpec & { required?: boolean }): FormField {
  return { label: text(`Ô ${spec.id}`, `Box ${spec.id}`), required: false, ...spec } as FormField;
}

export const pdfDocument = (id: string, showWhen?: ProcedureVersion['documents'][number]['showWhen']) => ({
  id,
  name: text(`Giấy tờ ${id}`, `Document ${id}`),
  required: true,
  copies: { originals: 1, copies: 0 },
  acceptedTypes: ['pdf' as const],
  maxSizeBytes: 1024,
  ...(showWhen ? { showWhen } : {}),
});

export const today = '2025-07-14';

export type Outcome = { value: unknown } | { code: string; vi?: string; en?: string };

/** Validates one answer to a one-field form: the stored value, or the first error. */
export function outcome(f: FormField, raw: unknown): Outcome {
  const documents = f.type === 'file' ? [pdfDocument(f.document)] : [];
  const result = validateAnswers(makeVersion([f], { documents }), { [f.id]: raw }, { today });
  if (result.ok) return { value: result.values[f.id] };
  const [error] = result.errors;
  return { code: error?.code ?? 'none', vi: error?.message.vi, en: error?.message.en };
}

export function expectOutcome(f: FormField, raw: unknown, expected: Outcome) {
  const actual = outcome(f, raw);
  if ('value' in expected) expect(actual).toEqual(expected);
  else expect(actual).toMatchObject(expected);
}
