// The shape of a password sign-in, shared by both realms.
import { ValidationError } from '@motcua/domain';
import { z } from 'zod';

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

/** What a sign-in still needs: nothing, a TOTP code, or enrolling a TOTP authenticator first. */
export type SecondFactor = 'none' | 'required' | 'enrolment_required';

export const wrongCredentials = 'The email address or password is incorrect.';
