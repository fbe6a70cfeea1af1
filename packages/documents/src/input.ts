// Checks and clean-up applied to every form's data before anything is drawn.
import { assertValidDate } from './format-date.ts';
import type { FormBase } from './types.ts';

export { assertValidDate };

/**
 * Unicode NFC for every string, deeply. Vietnamese typed on some systems arrives decomposed
 * (base letter + combining marks); composed text prints the font's own precomposed glyphs and
 * makes the same dossier render to the same bytes however it was typed.
 */
export function normalizeText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeText(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeText(item)])) as T;
}

export function assertFilled(value: string, field: string): void {
  if (value.trim() === '') throw new RangeError(`${field} must not be empty`);
}

export function assertCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a whole number of at least 0`);
  }
}

export function assertNotBefore(later: Date, earlier: Date, fields: string): void {
  if (later.getTime() < earlier.getTime()) throw new RangeError(`${fields}: dates are out of order`);
}

/** Normalizes and checks the part every form shares; returns the normalized copy. */
export function prepareForm<T extends FormBase>(data: T): T {
  const form = normalizeText(data);
  assertValidDate(form.issuedAt, 'issuedAt');
  assertFilled(form.agency.name, 'agency.name');
  assertFilled(form.agency.place, 'agency.place');
  assertFilled(form.dossier.code, 'dossier.code');
  assertFilled(form.dossier.procedureName, 'dossier.procedureName');
  assertFilled(form.dossier.applicantName, 'dossier.applicantName');
  return form;
}
