/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The operator's sign-in steps as pages: password, then the TOTP code (or enrolling an
// authenticator first), and sign-out. The verbs of @motcua/auth do the work, as for the API.
import {
  beginOperatorTotpEnrolment,
  confirmOperatorTotpEnrolment,
  invalidateOperatorSession,
  signInOperator,
  totpUri,
  validateOperatorSession,
  verifyOperatorSecondFactor,
} from '@motcua/auth';
import {
  LimitExceededError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from '@motcua/domain';
import { authText, type FormError, OpsSignInPage, OpsTotpEnrolPage, OpsTotpPage } from '@motcua/ui';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import {
  type Ctx,
  clearSession,
  form,
  page,
  redirectTo,
  sessionToken,
  setSession,
  trace,
} from './session.tsx';

interface Shown {
  status: ContentfulStatusCode;
  errors: FormError[];
}

/** A sign-in verb's error as the form shows it; anything else goes on to onError. */
function shownError(c: Ctx, error: unknown, step: 'password' | 'code'): Shown {
  const { locale } = page(c);
  const say = (key: Parameters<typeof authText>[1]) => authText(locale, key);
  if (error instanceof LimitExceededError) {
    if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
    return { status: 429, errors: [{ message: say('errTooMany') }] };
  }
  if (error instanceof UnauthenticatedError) {
    return step === 'code'
      ? { status: 401, errors: [{ field: 'code', message: say('errWrongCode') }] }
      : { status: 401, errors: [{ message: say('errWrongCredentials') }] };
  }
  if (error instanceof PreconditionFailedError)
    return { status: 409, errors: [{ message: say('errNotEnrolled') }] };
  if (!(error instanceof ValidationError)) throw error;
  if (step === 'code') return { status: 400, errors: [{ field: 'code', message: say('errCode') }] };
  const details = Array.isArray(error.details) ? (error.details as { path?: unknown }[]) : [];
  const fields = new Set(details.map((d) => String(d.path ?? '')));
  const errors: FormError[] = [];
  if (fields.has('email')) errors.push({ field: 'email', message: say('errEmail') });
  if (fields.has('password')) errors.push({ field: 'password', message: say('errPasswordMissing') });
  if (!errors.length) errors.push({ message: say('errInvalid') });
  return { status: 400, errors };
}

const verbContext = (c: Ctx) => ({ database: c.get('deps').database, ...trace(c) });

/** The session of someone past the password step, or null. */
const pendingSession = (c: Ctx) => validateOperatorSession(c.get('deps').database, sessionToken(c));

export function opsSignInRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/ops/sign-in', (c) => c.html(<OpsSignInPage {...page(c)} />));
  app.post('/ops/sign-in', async (c) => {
    const base = page(c);
    const { email = '', password = '' } = await form(c);
    try {
      const result = await signInOperator(verbContext(c), { email, password });
      setSession(c, result.token, result.expiresAt);
      const next = result.secondFactor === 'required' ? '/ops/sign-in/totp' : '/ops/sign-in/totp/enrol';
      return redirectTo(c, base, next);
    } catch (error) {
      const { status, errors } = shownError(c, error, 'password');
      return c.html(<OpsSignInPage {...base} email={email} errors={errors} />, status);
    }
  });

  app.get('/ops/sign-in/totp', async (c) => {
    const base = page(c);
    const validation = await pendingSession(c);
    if (!validation) return redirectTo(c, base, '/ops/sign-in');
    if (validation.session.twoFactorVerified) return redirectTo(c, base, '/ops');
    if (!validation.operator.totpEnrolledAt) return redirectTo(c, base, '/ops/sign-in/totp/enrol');
    return c.html(<OpsTotpPage {...base} />);
  });
  app.post('/ops/sign-in/totp', async (c) => {
    const base = page(c);
    const validation = await pendingSession(c);
    if (!validation) return redirectTo(c, base, '/ops/sign-in');
    if (validation.session.twoFactorVerified) return redirectTo(c, base, '/ops');
    const { code = '' } = await form(c);
    try {
      await verifyOperatorSecondFactor(verbContext(c), sessionToken(c), { code });
      return redirectTo(c, base, '/ops');
    } catch (error) {
      const { status, errors } = shownError(c, error, 'code');
      return c.html(<OpsTotpPage {...base} errors={errors} />, status);
    }
  });

  app.get('/ops/sign-in/totp/enrol', async (c) => {
    const base = page(c);
    const validation = await pendingSession(c);
    if (!validation) return redirectTo(c, base, '/ops/sign-in');
    if (validation.operator.totpEnrolledAt) {
      return redirectTo(c, base, validation.session.twoFactorVerified ? '/ops' : '/ops/sign-in/totp');
    }
    const { secret, uri } = await beginOperatorTotpEnrolment(verbContext(c), sessionToken(c));
    return c.html(<OpsTotpEnrolPage {...base} secret={secret} uri={uri} />);
  });
  app.post('/ops/sign-in/totp/enrol', async (c) => {
    const base = page(c);
    const validation = await pendingSession(c);
    if (!validation) return redirectTo(c, base, '/ops/sign-in');
    if (validation.operator.totpEnrolledAt) {
      return redirectTo(c, base, validation.session.twoFactorVerified ? '/ops' : '/ops/sign-in/totp');
    }
    const fields = await form(c);
    try {
      await confirmOperatorTotpEnrolment(verbContext(c), sessionToken(c), { code: fields.code });
      return redirectTo(c, base, '/ops');
    } catch (error) {
      const { status, errors } = shownError(c, error, 'code');
      // Show the secret the GET stored again; a value that is not one starts enrolment over.
      const secret = (fields.secret ?? '').toUpperCase();
      if (!/^[A-Z2-7]{16,64}$/.test(secret)) return redirectTo(c, base, '/ops/sign-in/totp/enrol');
      const uri = totpUri({ secret, account: validation.operator.email, issuer: 'Motcua operators' });
      return c.html(<OpsTotpEnrolPage {...base} secret={secret} uri={uri} errors={errors} />, status);
    }
  });

  app.post('/ops/sign-out', async (c) => {
    const validation = await pendingSession(c);
    if (validation) await invalidateOperatorSession(c.get('deps').database, validation.session.id);
    clearSession(c);
    return redirectTo(c, page(c), '/ops/sign-in');
  });
  return app;
}
