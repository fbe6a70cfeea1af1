// zod shapes of the tenant sign-in API.
import { z } from '@hono/zod-openapi';

export const SignInBody = z
  .object({
    email: z.string().optional().openapi({
      description: 'An email address, or a citizen’s mobile number typed in the same box.',
      example: 'reception@da-nang.demo.motcua.vn',
    }),
    phone: z.string().optional().openapi({
      description: 'A citizen’s Vietnamese mobile number, instead of `email`.',
      example: '0912 345 678',
    }),
    password: z.string().openapi({ example: 'MotcuaDemo-2026' }),
  })
  .openapi('SignIn');

/** Operators always sign in with an email address. */
export const OperatorSignInBody = z
  .object({
    email: z.string().openapi({ example: 'owner@ops.demo.motcua.vn' }),
    password: z.string().openapi({ example: 'MotcuaDemo-2026' }),
  })
  .openapi('OperatorSignIn');

export const SignedIn = z
  .object({
    signedIn: z.boolean().openapi({ description: 'False while a second factor is still needed.' }),
    totp: z.enum(['required', 'enrolment_required']).optional().openapi({
      description: 'Present when the next step is a TOTP code (`POST /api/auth/totp`) or enrolment.',
    }),
    principal: z.object({ kind: z.enum(['staff', 'citizen']), id: z.string() }),
  })
  .openapi('SignedIn');

export const CodeBody = z.object({ code: z.string().openapi({ example: '123456' }) }).openapi('TotpCode');

export const RegisterBody = z
  .object({
    email: z.string().optional().openapi({ example: 'nguyenvana@example.vn' }),
    phone: z.string().optional().openapi({
      description: 'A Vietnamese mobile number; give it, `email`, or both.',
      example: '0912345678',
    }),
    fullName: z.string().openapi({ example: 'Nguyễn Văn A' }),
    password: z.string(),
    consent: z
      .boolean()
      .openapi({ description: 'Must be true: consent to the processing of personal data.' }),
  })
  .openapi('RegisterCitizen');

export const Me = z
  .object({
    kind: z.enum(['staff', 'citizen']),
    id: z.string(),
    email: z.string().nullable(),
    fullName: z.string(),
    role: z.string().nullable(),
    unitId: z.string().nullable(),
    permissions: z.array(z.string()),
    identityVerified: z.boolean(),
    sessionExpiresAt: z.string(),
  })
  .openapi('Me');
