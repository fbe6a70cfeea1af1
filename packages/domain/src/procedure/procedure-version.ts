// A published version of an administrative procedure (thủ tục hành chính): immutable once
// published, validated here before it is stored, and read by the form evaluator and fees.
import { z } from 'zod';
import { checkVersion } from './check-version.ts';
import { condition } from './condition.ts';
import { form, identifier } from './form-field.ts';
import { type LocalizedText, localizedText } from './localized-text.ts';

/**
 * National code (`1.001193`) optionally followed by the publishing agency's suffix, either the
 * short province form (`.H38`) or the full agency identifier (`.000.00.00.H38`) used on the
 * national public service portal.
 */
export const PROCEDURE_CODE = /^\d\.\d{6}(?:\.(?:\d{3}\.\d{2}\.\d{2}\.)?[A-Z]\d{2})?$/;

/** 20 MiB: the largest single upload any procedure may accept. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** A downloadable template's file name: plain, with an extension, so it is safe in a URL and a storage key. */
export const TEMPLATE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.[a-z0-9]{2,5}$/;

export const onlineLevels = ['full', 'partial'] as const;
export type OnlineLevel = (typeof onlineLevels)[number];

export const processingTimeUnits = ['working_days', 'calendar_days', 'working_hours', 'months'] as const;
export const audiences = ['citizen', 'business', 'both'] as const;
export const workflowRoles = ['specialist', 'approver', 'reception', 'clerk'] as const;
export const acceptedFileTypes = ['pdf', 'jpeg', 'png'] as const;

export const feeItem = z.strictObject({
  id: identifier,
  name: localizedText,
  // VND has no minor unit: a fee is a whole number of đồng.
  amount: z.int('A fee is a whole number of đồng').min(0, 'A fee cannot be negative'),
  showWhen: condition.optional(),
});
export type FeeItem = z.infer<typeof feeItem>;

export const requiredDocument = z.strictObject({
  id: identifier,
  name: localizedText,
  required: z.boolean(),
  copies: z
    .strictObject({ originals: z.int().min(0).max(20), copies: z.int().min(0).max(20) })
    .refine((c) => c.originals + c.copies >= 1, 'Ask for at least one original or one copy'),
  templateFile: z
    .string()
    .max(120)
    .regex(TEMPLATE_FILE, 'Use a plain file name such as mau-to-khai.docx')
    .optional(),
  acceptedTypes: z
    .array(z.enum(acceptedFileTypes))
    .min(1)
    .refine((types) => new Set(types).size === types.length, 'List each file type once'),
  maxSizeBytes: z.int().min(1).max(MAX_DOCUMENT_BYTES),
  showWhen: condition.optional(),
});
export type RequiredDocument = z.infer<typeof requiredDocument>;

export const workflowStep = z.strictObject({
  id: identifier,
  name: localizedText,
  role: z.enum(workflowRoles),
  budgetWorkingHours: z.number().positive().max(10_000),
});
export type WorkflowStep = z.infer<typeof workflowStep>;

export const procedureVersion = z
  .strictObject({
    code: z.string().regex(PROCEDURE_CODE, 'Use a procedure code like 1.001193 or 1.001193.000.00.00.H38'),
    name: localizedText,
    description: localizedText,
    sector: z.string().trim().min(1).max(200),
    competentUnitCode: z.string().trim().min(1).max(100),
    audience: z.enum(audiences),
    onlineLevel: z.enum(onlineLevels),
    legalBasis: z
      .array(z.strictObject({ document: z.string().trim().min(1).max(100), title: z.string().trim().min(1) }))
      .min(1),
    processingTime: z.strictObject({ value: z.int().min(1).max(10_000), unit: z.enum(processingTimeUnits) }),
    fees: z.array(feeItem).max(50),
    documents: z.array(requiredDocument).max(100),
    form,
    workflow: z.strictObject({ steps: z.array(workflowStep).min(1).max(50) }),
  })
  .superRefine(checkVersion);
export type ProcedureVersion = z.infer<typeof procedureVersion>;

/**
 * The Decree 43/2011 level officials still quote: full online (toàn trình) ≈ level 4, partial
 * (một phần) ≈ level 3 (Decree 42/2022/NĐ-CP art. 11 replaced the levels).
 */
export const legacyLevel = (level: OnlineLevel): 4 | 3 => (level === 'full' ? 4 : 3);

/** Both labels side by side, as DOMAIN asks: the current term and the old level number. */
export function describeOnlineLevel(level: OnlineLevel): LocalizedText {
  return level === 'full'
    ? { vi: 'Toàn trình (mức độ 4)', en: 'Full online (level 4)' }
    : { vi: 'Một phần (mức độ 3)', en: 'Partly online (level 3)' };
}
