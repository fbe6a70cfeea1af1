// Vietnamese mobile numbers, the other way citizens register and sign in. Stored in one form,
// +84 and nine digits, so that "0912 345 678", "+84 912.345.678" and "84912345678" are one
// account. Mobile ranges begin with 3, 5, 7, 8 or 9 after the leading 0 (since the 2018
// renumbering); landlines are not accepted as sign-in names.
const mobile = /^[35789]\d{8}$/;

/** The number as +84xxxxxxxxx, or null when it is not a Vietnamese mobile number. */
export function normalisePhone(input: string): string | null {
  const compact = input.normalize('NFKC').replace(/[\s.\-()]/g, '');
  const national = /^(?:\+84|0084|84)(\d{9})$/.exec(compact)?.[1] ?? /^0(\d{9})$/.exec(compact)?.[1];
  return national && mobile.test(national) ? `+84${national}` : null;
}

/** Whether what someone typed as a sign-in name looks like a phone number rather than an email. */
export const looksLikePhone = (input: string) =>
  !input.includes('@') && /\d{6}/.test(input.replace(/\D/g, ''));
