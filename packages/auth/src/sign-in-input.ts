// The shape of a password sign-in, shared by both realms.
import { ValidationError } from '@motcua/domain';
import { z } from 'zod';
import { looksLikePhone, normalisePhone } from './phone.ts';

export const signInInput = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.infer<typeof signInInput>;

export function parseSignIn(input: unknown): SignInInput {
  const result = signInInput.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    'Enter an email address and a password.',
    result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/**
 * A citizen may sign in with the mobile number they registered: in `phone`, or typed into the
 * one "email or phone" box (`email`). Staff and operators always have an email address.
 */
export const tenantSignInInput = z.object({
  email: z.string().trim().max(254).optional(),
  phone: z.string().max(40).optional(),
  password: z.string().min(1).max(1024),
});

export type TenantLogin = { email: string; phone?: undefined } | { phone: string; email?: undefined };

export function parseTenantSignIn(input: unknown): { login: TenantLogin; name: string; password: string } {
  const result = tenantSignInInput.safeParse(input);
  const problems = result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  // The name is checked even when the password is missing, so a form shows both problems at once.
  const {
    email,
    phone,
    password = '',
  } = result.success ? result.data : (tenantSignInInput.partial().safeParse(input).data ?? {});
  const typed = phone ?? (email && looksLikePhone(email) ? email : undefined);
  const normalised = typed === undefined ? null : normalisePhone(typed);
  if (typed !== undefined && !normalised) {
    problems.push({
      path: phone === undefined ? 'email' : 'phone',
      message: 'Not a Vietnamese mobile number.',
    });
  } else if (typed === undefined && !z.email().max(254).safeParse(email).success) {
    problems.push({ path: 'email', message: 'Not an email address.' });
  }
  if (problems.length > 0 || !result.success) {
    throw new ValidationError('Enter an email address or a mobile number, and a password.', problems);
  }
  if (normalised) return { login: { phone: normalised }, name: normalised, password };
  return { login: { email: email ?? '' }, name: email ?? '', password };
}

/** What a sign-in still needs: nothing, a TOTP code, or enrolling a TOTP authenticator first. */
export type SecondFactor = 'none' | 'required' | 'enrolment_required';

export const wrongCredentials = 'The email address or password is incorrect.';
