// The printable forms of Circular 03/2025/TT-VPCP (appendix I) a dossier can be printed on, and
// which of them its citizen may print: the papers addressed to them, not the agency's internal
// control slip.
export const printableForms = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
  'control-slip',
] as const;
export type PrintableForm = (typeof printableForms)[number];

const citizenForms: ReadonlySet<PrintableForm> = new Set([
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
]);

export function isPrintableForm(value: string): value is PrintableForm {
  return (printableForms as readonly string[]).includes(value);
}

export function isCitizenForm(form: PrintableForm): boolean {
  return citizenForms.has(form);
}

/**
 * Plain ASCII for a file name a header carries as is: Vietnamese letters without their marks,
 * every other character outside `A–Z a–z 0–9 . -` as `_`, no `..`, and neither starting nor
 * ending on punctuation (a name that opens with `-` or `.` misleads shells and file managers).
 */
export function toAsciiFileName(text: string): string {
  return text
    .normalize('NFD')
    .replaceAll(/\p{M}+/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .replaceAll(/[^A-Za-z0-9.-]+/g, '_')
    .replaceAll(/\.{2,}/g, '.')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
}

/** `<code>-<form>.pdf`: an agency identifier is free text an admin types, so it is made ASCII-safe. */
export function formFileName(code: string, form: PrintableForm): string {
  return `${toAsciiFileName(code) || 'dossier'}-${form}.pdf`;
}
