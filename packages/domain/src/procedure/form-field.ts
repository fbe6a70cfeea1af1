// The field types of a procedure's electronic form (tờ khai điện tử) and their own limits.
// Cross-field rules (unique ids, earlier-field conditions, document links) live in the version.
import { z } from 'zod';
import { condition } from './condition.ts';
import { localizedText } from './localized-text.ts';

/** Lower snake case: stable in URLs, HTML names and stored answers. */
export const identifier = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores, starting with a letter');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-07-01')
  .refine(isRealDate, 'Not a calendar date');

/** A date bound: an absolute date, or 'today' resolved when the answers are checked. */
export const dateBound = z.union([z.literal('today'), isoDate]);

export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Upper bounds when the author gives none, so that no answer can be arbitrarily large. */
export const DEFAULT_MAX_LENGTH = { text: 255, long_text: 5000 } as const;

const base = {
  id: identifier,
  label: localizedText,
  help: localizedText.optional(),
  required: z.boolean(),
  showWhen: condition.optional(),
};

const length = {
  minLength: z.int().min(0).max(20_000).optional(),
  maxLength: z.int().min(1).max(20_000).optional(),
};

const option = z.strictObject({ value: z.string().trim().min(1).max(100), label: localizedText });

export const textField = z.strictObject({
  ...base,
  type: z.literal('text'),
  ...length,
  pattern: z.strictObject({ regex: z.string().min(1).max(500), message: localizedText }).optional(),
});
export const longTextField = z.strictObject({ ...base, type: z.literal('long_text'), ...length });
export const numberField = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});
export const dateField = z.strictObject({
  ...base,
  type: z.literal('date'),
  min: dateBound.optional(),
  max: dateBound.optional(),
});
export const selectField = z.strictObject({
  ...base,
  type: z.literal('select'),
  options: z.array(option).min(1).max(300),
});
export const radioField = z.strictObject({
  ...base,
  type: z.literal('radio'),
  options: z.array(option).min(2).max(20),
});
export const checkboxField = z.strictObject({ ...base, type: z.literal('checkbox') });
export const emailField = z.strictObject({ ...base, type: z.literal('email') });
export const phoneField = z.strictObject({ ...base, type: z.literal('phone') });
export const citizenIdField = z.strictObject({ ...base, type: z.literal('citizen_id') });
export const addressField = z.strictObject({ ...base, type: z.literal('address') });
export const fileField = z.strictObject({ ...base, type: z.literal('file'), document: identifier });

export const formField = z.discriminatedUnion('type', [
  textField,
  longTextField,
  numberField,
  dateField,
  selectField,
  radioField,
  checkboxField,
  emailField,
  phoneField,
  citizenIdField,
  addressField,
  fileField,
]);
export type FormField = z.infer<typeof formField>;
export type FieldType = FormField['type'];
export type NumberField = z.infer<typeof numberField>;
export type DateField = z.infer<typeof dateField>;

export const form = z.strictObject({ fields: z.array(formField).min(1).max(200) });
export type Form = z.infer<typeof form>;

/**
 * Compiles an author's pattern. Like HTML's `pattern` attribute the whole answer must match, so
 * the pattern is anchored here; the `u` flag lets \p{L} match Vietnamese letters.
 */
export function compilePattern(regex: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${regex})$`, 'u');
  } catch {
    return undefined;
  }
}
