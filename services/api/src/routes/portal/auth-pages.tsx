/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The person-facing sign-in pages on an agency's host: sign in (with the TOTP step), register,
// reset a password, see who is signed in, sign out. Plain forms; the verbs of @motcua/auth do
// the work, and their errors come back as an error summary on the same form.
import {
  checkPassword,
  confirmPasswordReset,
  invalidateTenantSession,
  registerCitizen,
  requestPasswordReset,
  signInToTenant,
  validateTenantSession,
  verifyTenantSecondFactor,
} from '@motcua/auth';
import {
  LimitExceededError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from '@motcua/domain';
import {
  AccountPage,
  type AuthPageBase,
  type AuthStringKey,
  authHref,
  authText,
  type FormError,
  type Locale,
  passwordProblemText,
  RegisterPage,
  ResetConfirmPage,
  ResetRequestPage,
  SignInPage,
  TotpPage,
} from '@motcua/ui';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { tenantSiteOrigin } from '../../tenant-mail.ts';
import { clearSession, sessionToken, setSession } from '../auth/session.ts';
import { tenantPageBase } from '../page-base.ts';

type Ctx = Context<AppEnv>;

const page = tenantPageBase;

function verbContext(c: Ctx) {
  return {
    database: c.get('deps').database,
    slug: c.get('tenant').slug,
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  };
}

async function form(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** Field messages in the page's language; the verbs' own messages are English. */
const fieldMessages: Record<string, AuthStringKey> = {
  email: 'errEmail',
  phone: 'errPhone',
  fullName: 'errFullName',
  consent: 'errConsent',
  code: 'errCode',
  password: 'errPasswordMissing',
};

interface Shown {
  status: ContentfulStatusCode;
  errors: FormError[];
}

/**
 * Turns a verb's error into what the form shows, or rethrows anything else for onError.
 * `password` lets policy problems be named in the page's language by their codes.
 */
function shownError(
  c: Ctx,
  locale: Locale,
  error: unknown,
  options: {
    unauthenticated?: AuthStringKey;
    password?: { value: string; email?: string; name?: string };
    /** Messages for fields that mean something else on this form. */
    fields?: Partial<Record<string, AuthStringKey>>;
  } = {},
): Shown {
  const say = (key: AuthStringKey) => authText(locale, key);
  if (error instanceof LimitExceededError) {
    if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
    return { status: 429, errors: [{ message: say('errTooMany') }] };
  }
  if (error instanceof UnauthenticatedError) {
    return { status: 401, errors: [{ message: say(options.unauthenticated ?? 'errWrongCredentials') }] };
  }
  if (error instanceof PreconditionFailedError) {
    return { status: 409, errors: [{ message: say('errNotEnrolled') }] };
  }
  if (!(error instanceof ValidationError)) throw error;
  if (error.code === 'invalid_or_expired_token')
    return { status: 400, errors: [{ message: say('errResetLink') }] };
  const details = Array.isArray(error.details) ? (error.details as { path?: unknown }[]) : [];
  const fields = [...new Set(details.map((d) => String(d.path ?? '')).filter(Boolean))];
  const errors: FormError[] = [];
  for (const field of fields) {
    if (field === 'password' && options.password?.value) {
      const { value, email, name } = options.password;
      const problems = checkPassword(value, { ...(email ? { email } : {}), ...(name ? { name } : {}) });
      const message = problems.map((p) => passwordProblemText(locale, p.code)).join('. ');
      if (message) {
        errors.push({ field, message });
        continue;
      }
    }
    const key = options.fields?.[field] ?? fieldMessages[field];
    if (field === 'token') errors.push({ message: say('errResetLink') });
    else errors.push({ field, message: say(key ?? 'errInvalid') });
  }
  if (!errors.length) errors.push({ message: say('errInvalid') });
  return { status: 400, errors };
}

function redirectTo(c: Ctx, base: AuthPageBase, path: string) {
  return c.redirect(authHref(base, path), 303);
}

export function authPageRoutes() {
  const app = new Hono<AppEnv>();
  // Forms and the account page hold personal data or one-time state: never cache them.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
  });

  app.get('/sign-in', (c) =>
    c.html(<SignInPage {...page(c)} registered={c.req.query('registered') === '1'} />),
  );
  app.post('/sign-in', async (c) => {
    const base = page(c);
    const { email = '', password = '' } = await form(c);
    try {
      const result = await signInToTenant(verbContext(c), { email, password });
      setSession(c, result.token, result.expiresAt);
      const next = {
        none: '/account',
        required: '/sign-in/totp',
        enrolment_required: '/sign-in/totp/enrol',
      } as const;
      return redirectTo(c, base, next[result.secondFactor]);
    } catch (error) {
      const { status, errors } = shownError(c, base.locale, error, { fields: { email: 'errEmailOrPhone' } });
      return c.html(<SignInPage {...base} email={email} errors={errors} />, status);
    }
  });

  app.get('/sign-in/totp', async (c) => {
    const base = page(c);
    const validation = await validateTenantSession(
      c.get('deps').database,
      c.get('tenant').slug,
      sessionToken(c),
    );
    if (!validation) return redirectTo(c, base, '/sign-in');
    if (validation.session.twoFactorVerified) return redirectTo(c, base, '/account');
    return c.html(<TotpPage {...base} />);
  });
  app.post('/sign-in/totp', async (c) => {
    const base = page(c);
    const { code = '' } = await form(c);
    try {
      await verifyTenantSecondFactor({ ...verbContext(c), token: sessionToken(c) }, { code });
      return redirectTo(c, base, '/account');
    } catch (error) {
      // No password step behind this form (signed out, expired, another site's cookie): start over.
      if (error instanceof UnauthenticatedError && error.code !== 'wrong_code') {
        return redirectTo(c, base, '/sign-in');
      }
      const { status, errors } = shownError(c, base.locale, error, { unauthenticated: 'errWrongCode' });
      return c.html(<TotpPage {...base} errors={errors} />, status);
    }
  });

  app.get('/register', (c) => c.html(<RegisterPage {...page(c)} />));
  app.post('/register', async (c) => {
    const base = page(c);
    const { email = '', phone = '', fullName = '', password = '', consent } = await form(c);
    try {
      await registerCitizen(verbContext(c), { email, phone, fullName, password, consent: consent === 'yes' });
      return redirectTo(c, base, '/sign-in?registered=1');
    } catch (error) {
      const { status, errors } = shownError(c, base.locale, error, {
        password: { value: password, email, name: fullName },
        fields: { email: 'errEmailOrPhone' },
      });
      return c.html(
        <RegisterPage {...base} email={email} phone={phone} fullName={fullName} errors={errors} />,
        status,
      );
    }
  });

  app.get('/reset-password', (c) => {
    const base = page(c);
    const token = c.req.query('token');
    if (!token) return c.html(<ResetRequestPage {...base} />);
    // The token is in this page's address: do not hand it to anyone through Referer.
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(<ResetConfirmPage {...base} token={token} />);
  });
  app.post('/reset-password', async (c) => {
    const base = page(c);
    const fields = await form(c);
    if (fields.token !== undefined) {
      const { token, password = '' } = fields;
      try {
        await confirmPasswordReset(verbContext(c), { token, password });
        return c.html(<ResetConfirmPage {...base} token="" done />);
      } catch (error) {
        const { status, errors } = shownError(c, base.locale, error, { password: { value: password } });
        c.header('Referrer-Policy', 'no-referrer');
        return c.html(<ResetConfirmPage {...base} token={token} errors={errors} />, status);
      }
    }
    const email = fields.email ?? '';
    try {
      const ctx = {
        ...verbContext(c),
        siteName: c.get('tenant').name,
        origin: tenantSiteOrigin(c),
        basePath: c.env.basePath,
      };
      await requestPasswordReset(ctx, { email });
      return c.html(<ResetRequestPage {...base} sent />);
    } catch (error) {
      const { status, errors } = shownError(c, base.locale, error);
      return c.html(<ResetRequestPage {...base} email={email} errors={errors} />, status);
    }
  });

  app.post('/sign-out', async (c) => {
    const base = page(c);
    const { database } = c.get('deps');
    const slug = c.get('tenant').slug;
    const validation = await validateTenantSession(database, slug, sessionToken(c));
    if (validation) await invalidateTenantSession(database, slug, validation.session.id);
    clearSession(c);
    return redirectTo(c, base, '/sign-in');
  });

  app.get('/account', async (c) => {
    const base = page(c);
    const validation = await validateTenantSession(
      c.get('deps').database,
      c.get('tenant').slug,
      sessionToken(c),
    );
    if (!validation) return redirectTo(c, base, '/sign-in');
    if (!validation.session.twoFactorVerified) return redirectTo(c, base, '/sign-in/totp');
    if (validation.refreshed) setSession(c, sessionToken(c) ?? '', validation.session.expiresAt);
    const { principal } = validation;
    return c.html(
      <AccountPage
        {...base}
        fullName={principal.fullName}
        email={principal.email}
        phone={principal.kind === 'citizen' ? principal.phone : null}
        kind={principal.kind}
        role={principal.kind === 'staff' ? principal.role : null}
      />,
    );
  });
  return app;
}
